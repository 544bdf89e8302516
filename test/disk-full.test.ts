import t from 'tap'
import { execFile, execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A disk that fills up while the node appends. The child (bench/disk-full-child.ts) runs on a
 * 6 MiB tmpfs mounted in a mount namespace of its own (`unshare`: no root needed, nothing left
 * mounted), logs entries until an append fails, frees the space, reopens the node and reports.
 *
 * What must hold: the failing append is refused with DISK_FULL (not a crash, not an untyped
 * error); every acknowledged entry survives; no op is half-written or counted twice (the balance
 * counts exactly the entries, and `disco verify` passes); the node takes new entries once the
 * disk has room again.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const child = path.join(root, 'dist', 'bench', 'disk-full-child.js')

function canMount (): boolean {
  try {
    execFileSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$1"', 'sh', root], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

interface ChildReport {
  failure: { code: string, message: string } | null
  acked: number
  missing: string[]
  entries: number
  balanceEntries: number
  verify: { ok: boolean, problem: string | null }
  after: string
}

t.test('a full disk during appends: a clear DISK_FULL, nothing acknowledged lost, nothing half-written', { skip: canMount() ? false : 'unshare cannot mount a tmpfs here (user namespaces are off)' }, async t => {
  const dir = t.testdir()
  const env = { ...process.env }
  delete env.NODE_OPTIONS // tap's TypeScript loader: the child is built JavaScript
  const script = 'mount -t tmpfs -o size=6m tmpfs "$1" && exec "$2" "$3" "$1"'
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile('unshare', ['-Urm', 'sh', '-c', script, 'sh', dir, process.execPath, child], { env, timeout: 90_000 }, (err, out, stderr) => {
      if (err !== null) reject(new Error(`the child failed: ${err.message}\n${stderr}`))
      else resolve(out)
    })
  })
  const report = JSON.parse(stdout) as ChildReport
  t.comment(`${report.acked} entries acknowledged before the disk was full`)
  t.ok(report.acked > 0, 'some entries fitted')
  t.equal(report.failure?.code, 'DISK_FULL', 'the failing append says the disk is full')
  t.match(report.failure?.message, /is full: the last change was not saved/)
  t.strictSame(report.missing, [], 'every acknowledged entry survives')
  t.ok(report.entries === report.acked || report.entries === report.acked + 1, 'the refused entry is wholly there or wholly absent')
  t.equal(report.balanceEntries, report.entries, 'the balance counts each entry once')
  t.strictSame(report.verify, { ok: true, problem: null }, 'disco verify passes after the restart')
  t.equal(report.after, 'ok', 'with room again, the node takes new entries')
})
