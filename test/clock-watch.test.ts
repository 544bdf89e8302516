import t from 'tap'
import { DiscoNode } from '../src/node/node.js'
import { ClockWatch } from '../src/node/clock-watch.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { close } from '../src/commands/close.js'
import { getLedgerTime } from '../src/consensus/queries.js'
import { folder } from './helpers/cluster.js'
import { opId } from '../src/ledger/ids.js'

async function read<T> (node: DiscoNode, fn: (s: ReturnType<DiscoNode['snapshot']>) => Promise<T>): Promise<T> {
  const snap = node.snapshot()
  try { return await fn(snap) } finally { await snap.close() }
}

async function until (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setImmediate(resolve))
  }
}

t.test('a member\'s running node ticks once the ledger time waits on its clock, and only then', async t => {
  const node = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'Ana' })
  t.teardown(async () => { await node.close() })
  // the watch's clock stands before the deadline until the test lets it run (a loaded machine
  // would otherwise pass the deadline between two lines)
  let before: number | null = null
  const watch = new ClockWatch(node, 60_000, () => before ?? Date.now())

  // no deliberation, so that a deadline a moment away is lawful
  const rule = (await propose(node, { kind: 'deliberation', hours: 0 })).proposal
  await vote(node, { id: rule.id, choice: 'yes' })
  // a deadline a moment away (the command takes whole minutes: this is the op it would write)
  const deadline = Date.now() + 3_000
  before = deadline - 1
  const [ref] = await node.append([{ type: 'propose', action: { kind: 'motion' }, text: 'soon', audience: 'members', deadline }])
  const id = opId(ref!)
  t.equal(await watch.check(), false, 'nothing waits yet: no tick')

  await until('this clock to pass the deadline', () => Date.now() > deadline)
  before = null
  await t.rejects(close(node, { id }), { code: 'CLOSE_TOO_EARLY' }, 'the ledger time has not passed it: nobody wrote since')
  t.equal(await watch.check(), true, 'the clock passed a deadline the ledger waits for: a tick')
  t.ok(await read(node, getLedgerTime) > deadline, 'the tick carried the ledger time past it')
  t.equal(await watch.check(), false, 'once: the member\'s time is past it now')
  t.equal((await close(node, { id })).proposal.status, 'passed', 'lazy consensus, now that the ledger time passed the deadline')
})
