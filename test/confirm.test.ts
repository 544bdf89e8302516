import t from 'tap'
import { DiscoNode } from '../src/node/node.js'
import { log } from '../src/commands/log.js'
import { getEntry } from '../src/consensus/queries.js'
import { folder, founder, joiner, testnet } from './helpers/cluster.js'
import { discoCli } from './helpers/processes.js'

const cli = discoCli({ env: process.env })

/**
 * `disco log --confirm`: "acknowledged" means written to this device's disk; --confirm waits
 * until a peer holds the entry too (README, "`disco log`": acknowledged).
 */
t.test('log --confirm returns once a peer holds the entry, and the peer has it', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  const out = await log(ana, { stream: 'love', duration: '2h', description: 'confirmed work', confirm: true, confirmTimeoutMs: 20_000 })
  t.equal(out.confirmed, true)
  const writer = ana.base.local
  t.ok(writer.remoteContiguousLength >= Number(out.entry.id.split('-')[1]) + 1, 'a peer holds the block')
  // Bo's copy of Ana's core has the block: it can be read there without the network
  const seq = Number(out.entry.id.split('-')[1])
  const held = bo.base.store.get({ key: writer.key, active: false })
  await held.ready()
  t.ok(await held.has(seq), 'Bo\'s store holds the block')
  await held.close()
})

t.test('log --confirm with no peer: NOT_CONFIRMED after the timeout, and the entry is kept', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  await t.rejects(log(ana, { stream: 'care', duration: '1h', description: 'alone', confirm: true, confirmTimeoutMs: 300 }), { code: 'NOT_CONFIRMED' })
  const snap = ana.snapshot()
  t.teardown(() => snap.close())
  const last = `${Buffer.from(ana.localKey).toString('hex')}-${ana.base.local.length - 1}-0`
  t.match(await getEntry(snap, last), { description: 'alone' }, 'the entry is written all the same')
})

t.test('log --confirm on a node that is not on the swarm is refused before anything is written', async t => {
  const storage = folder(t, 'offline')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  const before = node.base.local.length
  await node.close()
  const run = await cli.run(storage, ['log', 'love', '1h', '-m', 'x', '--confirm'])
  t.equal(run.exit, 1, 'a state error, exit 1')
  t.match(run.stderr, /--confirm waits for a peer to hold the entry: run it against a running node/)
  const bad = await cli.run(storage, ['log', 'love', '1h', '-m', 'x', '--confirm', '--confirm-timeout', 'soon'])
  t.equal(bad.exit, 2)
  t.match(bad.stderr, /--confirm-timeout must be whole seconds/)
  const reopened = await DiscoNode.open({ storage })
  t.equal(reopened.base.local.length, before, 'nothing appended')
  await reopened.close()
})
