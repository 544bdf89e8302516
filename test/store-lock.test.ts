import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import { DiscoNode } from '../src/node/node.js'
import { log } from '../src/commands/log.js'
import { fileNamed, isHeldLock } from '../src/node/store-open-error.js'
import type { DiscoErrorJson } from '../src/errors.js'
import { discoCli, killAll } from './helpers/processes.js'

/**
 * The store's lock as `disco start` and the other commands meet it: a start waits (briefly, and
 * says so) for a one-off command that holds the folder, such as the health check's `disco status`
 * while no node runs; and a damaged store is STORE_CORRUPT at once, never mistaken for a held lock.
 * The built binary, as an operator runs it; waits are for conditions, never sleeps.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-store-lock-'))
t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
const HOME = path.join(dir, 'home')
fs.mkdirSync(HOME)
const env: NodeJS.ProcessEnv = { ...process.env, HOME, XDG_DATA_HOME: path.join(HOME, '.local', 'share') }
const testnet = await createTestnet(3, { host: '127.0.0.1' })
t.teardown(async () => { await testnet.destroy() })
const NET = ['--bootstrap', testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(','), '--dht-host', '127.0.0.1']
const cli = discoCli({ env })
t.teardown(killAll)

/** A founded store with a few dozen entries, closed (so that RocksDB has written its tables). */
async function storeWithEntries (name: string): Promise<string> {
  const storage = path.join(dir, name)
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  for (let i = 0; i < 40; i++) await log(node, { stream: 'love', duration: '1h', description: `entry ${i} `.padEnd(200, 'x') })
  await node.close()
  return storage
}

t.test('the lock check matches the lock errors themselves', async t => {
  t.ok(isHeldLock('File descriptor could not be locked'), "fd-lock's (the device file hypercore-storage locks)")
  t.ok(isHeldLock('IO error: While lock file: /s/corestore/db/LOCK: Resource temporarily unavailable'), "RocksDB's LOCK file")
  t.notOk(isHeldLock('block checksum mismatch: stored = 1, computed = 2, type = 4  in /s/corestore/db/000017.sst offset 0 size 8100'), 'a damaged block is no lock')
  t.notOk(isHeldLock('Corruption: bad block contents'), 'nor any other message with "block" in it')
  t.equal(fileNamed('block checksum mismatch: stored = 1 in /s/corestore/db/000017.sst offset 0 size 8100'), '/s/corestore/db/000017.sst')
  t.equal(fileNamed('Corruption: no meta-nextfile entry in descriptor'), null)
})

t.test('a store held by another process is still STORE_BUSY', async t => {
  const storage = await storeWithEntries('held')
  const holder = await DiscoNode.open({ storage })
  t.teardown(() => holder.close())
  await t.rejects(DiscoNode.open({ storage }), { code: 'STORE_BUSY' })
})

t.test('a damaged table: STORE_CORRUPT at once, exit 1, one line naming the file, no stack', async t => {
  const storage = await storeWithEntries('damaged')
  // how long a command takes on this machine now (the machine may be loaded): the yardstick for "at once"
  const healthy = await cli.run(storage, ['status', '--json'])
  t.equal(healthy.exit, 0, 'the store opens before it is damaged')
  const db = path.join(storage, 'corestore', 'db')
  const tables = fs.readdirSync(db).filter(f => f.endsWith('.sst')).map(f => ({ f, size: fs.statSync(path.join(db, f)).size }))
  tables.sort((a, b) => b.size - a.size)
  const largest = tables[0]
  if (largest === undefined) throw new Error(`no .sst file in ${db}: ${fs.readdirSync(db).join(', ')}`)
  t.ok(largest.size > 10_000, `the largest table holds the entries (${largest.f}, ${largest.size} bytes)`)
  // flip bytes through the data blocks (not the footer, whose damage RocksDB reports differently)
  const bytes = fs.readFileSync(path.join(db, largest.f))
  for (let i = 1000; i < bytes.length - 2000; i += 997) bytes[i] = (bytes[i] as number) ^ 0xff
  fs.writeFileSync(path.join(db, largest.f), bytes)

  const status = await cli.run(storage, ['status'])
  t.equal(status.exit, 1, 'exit code 1')
  t.equal(status.stdout, '')
  const lines = status.stderr.split('\n').filter(l => l !== '')
  t.equal(lines.length, 1, 'one line', { stderr: status.stderr })
  t.match(lines[0], /^disco: the store in .* is damaged and cannot be opened/)
  t.match(lines[0], largest.f, 'it names the file')
  t.match(lines[0], /checksum mismatch/, "and says what the storage engine said")
  t.match(lines[0], /restore it from a backup/, 'and what to do')
  t.match(lines[0], /disco invite --device/)
  t.notMatch(status.stderr, /\n\s+at |\.js:\d+:\d+|in use by another/, 'no stack trace, no talk of a lock')
  // a STORE_BUSY would wait 3 s for a starting node's socket before it gave up
  t.ok(status.ms < healthy.ms + 2000, `at once, not after the 3 s wait for a starting node (${status.ms} ms; a healthy status took ${healthy.ms} ms)`)

  const json = await cli.run(storage, ['status', '--json'])
  t.equal(json.exit, 1)
  t.equal((JSON.parse(json.stdout) as { error: DiscoErrorJson }).error.code, 'STORE_CORRUPT')

  const start = await cli.run(storage, ['start', ...NET])
  t.equal(start.exit, 1, 'disco start: exit 1')
  t.match(start.stderr, /^disco: the store in .* is damaged[^\n]*\n$/, 'the same one line')
})

t.test('disco start waits for a one-off command holding the store, then runs', async t => {
  const storage = await storeWithEntries('restart')
  // what `disco status` does when no node runs: open the store for the call
  const oneOff = await DiscoNode.open({ storage })
  const node = cli.startNode(t, storage, NET)
  await node.waitForStderr(/is in use by another disco command; waiting up to 10 s/)
  await oneOff.close()
  const ready = await node.ready()
  t.equal(ready.storage, storage, 'it started once the command let go')
  const s = await cli.ok<{ running: boolean }>(t, storage, ['status'])
  t.equal(s.running, true, 'and serves the health check')

  const second = await cli.run(storage, ['start', ...NET])
  t.equal(second.exit, 1, 'a second start while the node runs: exit 1')
  t.equal(second.stderr, `disco: ${storage} is in use by another disco process\n`, 'STORE_BUSY')
  t.ok(second.ms < 5000, `at once: a running node does not let go (${second.ms} ms)`)

  node.proc.kill('SIGTERM')
  t.same(await node.exited, { code: 0, signal: null }, 'it stops cleanly')
})

t.test('the wait is bounded: a store held for good ends with a clear STORE_BUSY', async t => {
  const storage = await storeWithEntries('stuck')
  const holder = await DiscoNode.open({ storage })
  t.teardown(() => holder.close())
  const start = await cli.run(storage, ['start', ...NET, '--json'])
  t.equal(start.exit, 1, 'exit 1')
  const error = (JSON.parse(start.stdout) as { error: DiscoErrorJson }).error
  t.equal(error.code, 'STORE_BUSY')
  t.match(error.message, /still in use by another disco process after 10 s/)
  t.ok(start.ms >= 9500 && start.ms < 25_000, `after about 10 s (${start.ms} ms)`)
})
