import t from 'tap'
import { DiscoNode } from '../src/node/node.js'
import { getDevice, getMember } from '../src/consensus/queries.js'
import { converge } from '../src/demo/converge.js'
import { folder } from './helpers/cluster.js'
import { Link, admitted, until } from './helpers/links.js'

/**
 * A member whose only peer is not an indexer still gets its blocks to the indexer
 * (src/stack/own-log-wakeup.ts). Three nodes in a line, over in-process streams: ana (the founder,
 * the only indexer) — bo — cy. bo and cy fast-forward past the admissions, so bo's autobase never
 * opens cy's log, while bo's full copy holds it open. Before the node announced its own log after
 * each append, cy's name stayed on cy's node for good: bo's autobase never heard of it, and ana has
 * no other way to it (bench P11's setup stalled this way at 12 and 20 writers).
 */
t.setTimeout(90_000)

t.test('a member two hops from the indexer gets its first block applied there', async t => {
  const ana = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'ana', ackInterval: 50 })
  const nodes: DiscoNode[] = [ana]
  const links: Link[] = []
  t.teardown(async () => { for (const l of links) l.cut(); for (const n of nodes) await n.close() })
  const b = await admitted(t, ana, 'bo')
  const c = await admitted(t, ana, 'cy')
  // a system core long enough that bo and cy fast-forward past the admissions, as members who
  // join a running cooperative do (autobase 7.28.1 fast-forwards from 16 blocks behind)
  for (let i = 0; i < 20; i++) await ana.append([{ type: 'profile', name: `ana ${i}` }])

  const bo = await DiscoNode.open({ storage: b.storage, encryptionKey: ana.encryptionKeyForPairing(), fastForwardTo: ana.base.core.key, ackInterval: 50 })
  nodes.push(bo)
  links.push(new Link(ana, bo, 'ana-bo'))
  links[0]!.heal()
  // bo takes in both admissions (by its fast-forward), and its full copy opens cy's (empty) log
  await until([ana, bo], async () => bo.base.writable && await getDevice(bo.base.view, c.writer) !== null, 30_000, 'bo to take in both admissions')
  await bo.append([{ type: 'profile', name: 'bo' }])

  const cy = await DiscoNode.open({ storage: c.storage, encryptionKey: ana.encryptionKeyForPairing(), fastForwardTo: ana.base.core.key, ackInterval: 50 })
  nodes.push(cy)
  links.push(new Link(bo, cy, 'bo-cy'))
  links[1]!.heal()
  // autobase makes the local writer while it applies a fast-forward, before its 'fast-forward'
  // event: so wait for the event too, not for writable alone
  await until([bo, cy], () => cy.base.writable && cy.fastForwards.length > 0, 30_000, 'cy to fast-forward and be writable')
  t.ok(bo.fastForwards.length > 0 && cy.fastForwards.length > 0, `bo and cy fast-forwarded (bo ${bo.fastForwards.length}, cy ${cy.fastForwards.length}, cy writable ${String(cy.base.writable)})`)
  await cy.append([{ type: 'profile', name: 'cy' }])

  await until(nodes, async () => (await getMember(ana.base.view, c.writer))?.name === 'cy', 20_000, 'cy\'s name to reach ana, the indexer')
  await converge(nodes, 30_000)
  t.equal((await getMember(bo.base.view, c.writer))?.name, 'cy', 'every node holds cy\'s name, signed')
})

t.test('a member three hops from the indexer gets its first block there, through nodes that fast-forwarded', async t => {
  // ana (the only indexer) — bo — cy — dee, every member fast-forwarded past the admissions. dee's
  // name reaches cy (dee announces its own log), but bo's autobase never opened dee's log, and
  // only the indexer's acknowledgements pull a block further (every node follows the indexers'
  // logs): bo's full copy learns the new length from cy and, before the node hinted its autobase
  // on such growth (full-copy.ts), nothing took the block on to ana (bench P11's setup at 50
  // writers stalled this way: the indexers' neighbours never got the names of the members further
  // off, so the indexers never signed them).
  const ana = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'ana', ackInterval: 50 })
  const nodes: DiscoNode[] = [ana]
  const links: Link[] = []
  t.teardown(async () => { for (const l of links) l.cut(); for (const n of nodes) await n.close() })
  const admissions = [await admitted(t, ana, 'bo'), await admitted(t, ana, 'cy'), await admitted(t, ana, 'dee')]
  for (let i = 0; i < 20; i++) await ana.append([{ type: 'profile', name: `ana ${i}` }])

  const names = ['bo', 'cy', 'dee']
  for (const [k, a] of admissions.entries()) {
    const node = await DiscoNode.open({ storage: a.storage, encryptionKey: ana.encryptionKeyForPairing(), fastForwardTo: ana.base.core.key, ackInterval: 50 })
    const before = nodes[nodes.length - 1]!
    nodes.push(node)
    links.push(new Link(before, node, `${names[k - 1] ?? 'ana'}-${names[k]!}`))
    links[links.length - 1]!.heal()
    // the node takes in every admission (its full copy opens every member's log), then names itself
    await until(nodes, async () => node.base.writable && await getDevice(node.base.view, admissions[2]!.writer) !== null, 30_000, `${names[k]!} to take in the admissions`)
    if (k < 2) {
      await node.append([{ type: 'profile', name: names[k]! }])
      await until(nodes, async () => (await getMember(ana.base.view, a.writer))?.name === names[k], 20_000, `${names[k]!}'s name to reach ana`)
    }
  }
  t.ok(nodes.slice(1).every(n => n.fastForwards.length > 0), 'bo, cy and dee fast-forwarded')
  const dee = nodes[3]!
  await dee.append([{ type: 'profile', name: 'dee' }])
  await until(nodes, async () => (await getMember(ana.base.view, admissions[2]!.writer))?.name === 'dee', 20_000, 'dee\'s name to reach ana, the indexer, three hops off')
  await converge(nodes, 30_000)
  t.equal((await getMember(nodes[1]!.base.view, admissions[2]!.writer))?.name, 'dee', 'every node holds dee\'s name, signed')
})
