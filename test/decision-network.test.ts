import t from 'tap'
import type { DiscoNode } from '../src/node/node.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { ballot, decide, object, resolve } from '../src/commands/decision.js'
import { getDigest, getProposal, listMembers } from '../src/consensus/queries.js'
import type { Proposal } from '../src/consensus/governance.js'
import { proposalReason } from '../src/commands/proposal-view.js'
import { convergeLinked, linkedNodes, until } from './helpers/links.js'

/**
 * Three nodes decide every decision type, and decide it the same: a score poll, a ranked choice,
 * a dot vote, a consent proposal whose objection is resolved in a second round, an advice
 * proposal its proposer decides. The ballots, the objection and the advice are written on both
 * sides of a partition (Ana alone, Bo and Cy together), then the nodes heal and converge.
 */
t.setTimeout(240_000)

const WAIT = 60_000

/** The proposal as `node` holds it, its outcome in words as `reason`. */
async function proposalOn (node: DiscoNode, id: string): Promise<(Proposal & { reason: string }) | null> {
  const snap = node.snapshot()
  try {
    const p = (await getProposal(snap, id))?.proposal ?? null
    return p === null ? null : { ...p, reason: proposalReason(p) }
  } finally { await snap.close() }
}

/** What must be the same on every node: the decision and why, and the type's record. */
async function decisionOn (node: DiscoNode, id: string): Promise<string> {
  const p = await proposalOn(node, id)
  return JSON.stringify({ status: p?.status, outcome: p?.outcome, decision: p?.decision, tally: p?.tally })
}

async function digestOn (node: DiscoNode): Promise<string | null> {
  const snap = node.snapshot()
  try { return await getDigest(snap) } finally { await snap.close() }
}

t.test('three nodes decide each decision type identically, across a partition', async t => {
  const started = performance.now()
  const { nodes, links } = await linkedNodes(t, ['ana', 'bo', 'cy'])
  const [ana, bo, cy] = nodes as [DiscoNode, DiscoNode, DiscoNode]
  let reconnects = 0
  const settle = async (): Promise<void> => { if (await convergeLinked(nodes, links)) reconnects++ }
  await until(nodes, () => nodes.every(n => n.base.writable), WAIT, 'three writers')
  // Bo and Cy become members: Ana alone is every binding vote for Bo; Ana and Bo for Cy
  const memberIds = async (): Promise<string[]> => { const s = ana.snapshot(); try { return (await listMembers(s)).map(m => m.id) } finally { await s.close() } }
  const [, boId, cyId] = await memberIds() as [string, string, string]
  const toBo = await propose(ana, { kind: 'role', member: boId, role: 'member' })
  t.equal((await vote(ana, { id: toBo.proposal.id, choice: 'yes' })).proposal.status, 'passed', 'Bo is a member')
  const toCy = await propose(ana, { kind: 'role', member: cyId, role: 'member' })
  await vote(ana, { id: toCy.proposal.id, choice: 'yes' })
  await until(nodes, async () => await proposalOn(bo, toCy.proposal.id) !== null, WAIT, 'Bo sees the proposal for Cy')
  await vote(bo, { id: toCy.proposal.id, choice: 'yes' })
  await settle()
  t.equal((await proposalOn(cy, toCy.proposal.id))?.status, 'passed', 'Cy is a member')

  const motion = { kind: 'motion' }
  const score = (await propose(ana, { ...motion, text: 'colour of the door', decision: 'score', options: ['green', 'blue', 'red'], budget: 5 })).proposal.id
  const ranked = (await propose(ana, { ...motion, text: 'which kettle', decision: 'ranked', options: ['steel', 'glass', 'clay'] })).proposal.id
  const dots = (await propose(ana, { ...motion, text: 'what to buy', decision: 'dots', options: ['oven', 'sink'] })).proposal.id
  const consent = (await propose(ana, { ...motion, text: 'paint it in May', decision: 'consent' })).proposal.id
  const advice = (await propose(ana, { ...motion, text: 'assembly on Thursdays', decision: 'advice' })).proposal.id
  await settle()

  // the partition: Ana alone, Bo and Cy together
  for (const l of links) if (l.a === ana || l.b === ana) l.cut()
  await ballot(ana, { id: score, choices: ['green=5'] })
  await ballot(ana, { id: ranked, choices: ['steel', 'glass'] })
  await ballot(ana, { id: dots, choices: ['oven=10'] })
  await vote(ana, { id: consent, choice: 'yes' })
  await vote(ana, { id: advice, choice: 'yes', reason: 'go for it' })
  await t.rejects(decide(ana, { id: advice, outcome: 'adopt' }), { code: 'DECISION_RULE', message: /still hearing advice/ }, 'Ana has heard only herself: she cannot decide yet')

  await ballot(bo, { id: score, choices: ['blue=5', 'green=1'] })
  await ballot(cy, { id: score, choices: ['blue=3', 'red=5'] })
  await ballot(bo, { id: ranked, choices: ['glass'] })
  await ballot(cy, { id: ranked, choices: ['clay', 'glass'] })
  await ballot(bo, { id: dots, choices: ['sink=6', 'oven=4'] })
  await ballot(cy, { id: dots, choices: ['sink=10'] })
  await object(cy, { id: consent, reason: 'May is the busiest month' })
  await vote(bo, { id: consent, choice: 'yes' })
  await vote(bo, { id: advice, choice: 'no', reason: 'Thursdays are full' })
  await vote(cy, { id: advice, choice: 'block', reason: 'I cannot come' })
  for (const id of [score, ranked, dots]) t.equal((await proposalOn(bo, id))?.status, 'open', 'two ballots of three, on one side: open')

  for (const l of links) l.heal()
  await settle()
  const expected: Array<[string, RegExp]> = [
    [score, /"blue" has the highest total score, 8, of 3 binding ballots/],
    [ranked, /"glass" won the instant-runoff in round 2 with 2 of 3/],
    [dots, /"sink" has the most dots, 16, of 3 binding ballots/]
  ]
  for (const [id, reason] of expected) {
    const seen = await Promise.all(nodes.map(async n => await decisionOn(n, id)))
    t.equal(new Set(seen).size, 1, 'every node decided the poll the same')
    t.match(await proposalOn(cy, id), { status: 'passed', reason })
  }
  t.match(await proposalOn(ana, consent), { status: 'open', decision: { objections: 1, round: 1 } }, 'Cy\'s objection holds the consent proposal on Ana\'s node too')
  t.equal((await proposalOn(bo, advice))?.status, 'open', 'advice decides nothing by itself')

  // the objection is resolved: a second round, in which everyone consents again
  await resolve(cy, { id: consent, outcome: 'resolved', note: 'June then' })
  await settle()
  for (const n of nodes) await vote(n, { id: consent, choice: 'yes' })
  await decide(ana, { id: advice, outcome: 'drop', reason: 'two of three discourage it' })
  await settle()
  for (const [id, status, reason] of [[consent, 'passed', /round 2: 3 consent/], [advice, 'failed', /dropped it after hearing advice: 1 support, 2 discourage/]] as const) {
    const seen = await Promise.all(nodes.map(async n => await decisionOn(n, id)))
    t.equal(new Set(seen).size, 1, `every node holds the same ${status} decision`)
    t.match(await proposalOn(bo, id), { status, reason })
  }
  const digests = await Promise.all(nodes.map(digestOn))
  t.equal(new Set(digests).size, 1, 'and the same view')
  t.comment(`decision types across a partition: ${Math.round(performance.now() - started)} ms${reconnects > 0 ? `; the links reconnected ${reconnects} times to converge` : ''}`)
})
