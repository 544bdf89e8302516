/**
 * The child of test/disk-full.test.ts: `node dist/bench/disk-full-child.js <folder>`, run on a
 * small filesystem of its own (a tmpfs in a mount namespace, so it vanishes with the child).
 *
 * Creates a node in <folder>/node, fills the disk but for a little room with <folder>/filler,
 * then logs entries until an append fails. Then it frees the filler, opens the node again and
 * checks what a member would: every acknowledged entry is there, the balance counts exactly the
 * entries, `disco verify` passes, and a new entry can be logged. It prints one JSON line.
 */
import fs from 'node:fs'
import path from 'node:path'
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { log } from '../src/commands/log.js'
import { verify } from '../src/commands/verify.js'
import { listEntries, memberBalances } from '../src/consensus/queries.js'
import { DiscoError } from '../src/errors.js'

const folder = process.argv[2]
if (folder === undefined) {
  console.error('usage: disk-full-child <folder>')
  process.exit(2)
}
const storage = path.join(folder, 'node')
const filler = path.join(folder, 'filler')

const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
const free = fs.statfsSync(folder)
fs.writeFileSync(filler, b4a.alloc(Math.max(0, free.bavail * free.bsize - 512 * 1024)))

const acked: string[] = []
let failure: { code: string, message: string } | null = null
for (let i = 0; i < 100_000 && failure === null; i++) {
  try {
    const { entry } = await log(node, { stream: 'love', duration: '1h', description: `entry ${i} ${'.'.repeat(400)}` })
    acked.push(entry.id)
  } catch (err) {
    failure = err instanceof DiscoError ? { code: err.code, message: err.message } : { code: 'UNTYPED', message: String(err) }
  }
}
fs.rmSync(filler)
await node.close().catch(() => {})

const again = await DiscoNode.open({ storage })
const snapshot = again.snapshot()
const entries = await listEntries(snapshot, {})
const member = b4a.toString(again.localKey, 'hex')
const love = (await memberBalances(snapshot, member, 'all')).find(b => b.stream === 'love')
await snapshot.close()
const verified = await verify(again)
let after = 'ok'
try {
  await log(again, { stream: 'care', duration: '30m', description: 'after the disk was freed' })
} catch (err) {
  after = String(err)
}
await again.close()

const ids = new Set(entries.map(e => e.id))
process.stdout.write(JSON.stringify({
  failure,
  acked: acked.length,
  missing: acked.filter(id => !ids.has(id)),
  entries: entries.length,
  balanceEntries: love?.balance.entries ?? 0,
  verify: { ok: verified.ok, problem: verified.problem },
  after
}) + '\n')
