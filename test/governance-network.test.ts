import t from 'tap'
import b4a from 'b4a'
import { converged, folder, founder, joiner, testnet } from './helpers/cluster.js'
import { deviceKey, joinCooperative } from '../src/invites/join.js'
import { invite } from '../src/commands/invite.js'
import { contribution } from './helpers/ops.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { proposals } from '../src/commands/proposals.js'
import { members } from '../src/commands/members.js'
import { balance } from '../src/commands/balance.js'
import { status } from '../src/commands/status.js'
import type { DiscoNode } from '../src/node/node.js'

const decisions = async (n: DiscoNode): Promise<string[]> =>
  (await proposals(n, {})).proposals.map(p => `${p.kind} ${p.subjectName ?? ''} ${p.status}`)

t.test('three nodes promote, re-index, remove and raise the protocol by vote, and agree on every decision', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network, 'Ana')
  const bo = await joiner(t, network, ana, 'Bo')
  const cy = await joiner(t, network, ana, 'Cy', 'dater')
  await converged([ana, bo, cy])

  // Bo becomes a member: Ana is the only voter
  const p1 = (await propose(ana, { kind: 'role', member: 'Bo', role: 'member', text: 'Bo has been with us a year' })).proposal
  t.equal((await vote(ana, { id: p1.shortId, choice: 'yes' })).proposal.status, 'passed')
  await converged([ana, bo, cy])

  // Cy too, by the two members, each from their own node; Cy's own (dater) vote is recorded only
  const p2 = (await propose(cy, { kind: 'role', member: 'Cy', role: 'member' })).proposal
  await vote(cy, { id: p2.shortId, choice: 'yes' })
  await converged([ana, bo, cy])
  await vote(ana, { id: p2.shortId, choice: 'yes' })
  await converged([ana, bo, cy])
  const p2Decided = (await vote(bo, { id: p2.shortId, choice: 'yes' })).proposal
  t.equal(p2Decided.status, 'passed')
  t.same(p2Decided.votes.map(v => [v.name, v.weight]).sort(), [['Ana', 'binding'], ['Bo', 'binding'], ['Cy', 'recorded']])
  await converged([ana, bo, cy])
  t.same((await members(cy)).members.map(m => [m.name, m.role]), [['Ana', 'member'], ['Bo', 'member'], ['Cy', 'member']])

  // Ana's and Bo's devices index the ledger
  const keys = [ana, bo].map(n => b4a.toString(n.localKey, 'hex'))
  const p3 = (await propose(bo, { kind: 'indexers', devices: keys })).proposal
  await vote(bo, { id: p3.shortId, choice: 'yes' })
  await converged([ana, bo, cy])
  t.equal((await vote(cy, { id: p3.shortId, choice: 'yes' })).proposal.status, 'open', 'two of three, before the deliberation: it waits')
  await converged([ana, bo, cy])
  t.equal((await vote(ana, { id: p3.shortId, choice: 'yes' })).proposal.status, 'passed', 'every binding voter voted')
  await converged([ana, bo, cy], 60_000)
  t.ok(bo.base.isIndexer, "Bo's device signs the ledger now")
  for (const n of [ana, bo, cy]) t.equal((await status(n)).unsignedChanges, 0, 'every change is signed by the two indexers')

  // Cy is removed; what Cy writes afterwards counts on no node
  const p4 = (await propose(ana, { kind: 'remove', member: 'Cy' })).proposal
  await converged([ana, bo, cy], 60_000)
  await vote(cy, { id: p4.shortId, choice: 'no' })
  await converged([ana, bo, cy], 60_000)
  await vote(ana, { id: p4.shortId, choice: 'yes' })
  await converged([ana, bo, cy], 60_000)
  t.equal((await vote(bo, { id: p4.shortId, choice: 'yes' })).proposal.status, 'passed')
  await converged([ana, bo, cy], 60_000)
  // Cy's node knows it was removed: it refuses to write; were it to write, no node would count it
  const written = await cy.append([contribution({ minutes: 999 })]).then(() => true, (err: { code?: string }) => {
    t.equal(err.code, 'NOT_WRITABLE', 'a removed participant\'s device is no writer')
    return false
  })
  await ana.append([contribution({ minutes: 10 })])
  await converged(written ? [ana, bo, cy] : [ana, bo], 60_000)
  for (const n of [ana, bo]) {
    const love = (await balance(n, {})).total.find(s => s.stream === 'love')
    t.equal(love?.minutes, 10, 'the removed participant\'s later entry is not counted')
  }
  // Dee is admitted by vote as a supporter: her device key first, then any invite lets her in
  const deeStorage = folder(t, 'Dee')
  const deeKey = await deviceKey(deeStorage)
  const p5 = (await propose(ana, { kind: 'admit', device: deeKey, role: 'supporter', name: 'Dee' })).proposal
  await vote(ana, { id: p5.shortId, choice: 'yes' })
  await converged([ana, bo], 60_000)
  t.equal((await vote(bo, { id: p5.shortId, choice: 'yes' })).proposal.status, 'passed')
  await converged([ana, bo], 60_000)
  const dee = await joinCooperative({ storage: deeStorage, code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Dee', timeoutMs: 30_000 })
  t.teardown(() => dee.close())
  await converged([ana, bo, dee], 60_000)
  t.same((await members(dee)).members.filter(m => m.name === 'Dee').map(m => m.role), ['supporter'], 'the role the vote gave, not the invite\'s')

  t.same(await decisions(ana), await decisions(bo), 'the same decisions on every node')
  t.same(await decisions(ana), await decisions(dee))
  t.same(await decisions(ana), ['role Bo passed', 'role Cy passed', 'indexers  passed', 'remove Cy passed', 'admit Dee passed'])

  // raising the protocol past what these nodes know stops a node as soon as it applies the
  // decision, instead of letting it go on and diverge (the others stop when the block reaches them)
  const p6 = (await propose(ana, { kind: 'protocol', version: 2 })).proposal
  await vote(ana, { id: p6.shortId, choice: 'yes' })
  await converged([ana, bo, dee], 60_000)
  const stopped = new Promise<{ code: string }>(resolve => bo.once('failed', resolve))
  await t.rejects(vote(bo, { id: p6.shortId, choice: 'yes' }), { code: 'UPGRADE_REQUIRED' })
  t.equal((await stopped).code, 'UPGRADE_REQUIRED')
  t.throws(() => bo.snapshot(), { code: 'UPGRADE_REQUIRED' }, 'the stopped node answers no query')
})
