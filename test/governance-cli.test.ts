import t from 'tap'
import { discoCli } from './helpers/processes.js'
import type { Run } from './helpers/processes.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const cli = discoCli({ env: process.env })
const disco = async (storage: string, ...args: string[]): Promise<Run> => await cli.run(storage, args)

t.test('governance through the CLI, as a member types it', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-gov-cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const s = path.join(dir, 'node')
  t.equal((await disco(s, 'init', '--name', 'Coop', '--me', 'Ana')).exit, 0)

  const made = await disco(s, 'propose', 'motion', '-m', 'Weekly call on Thursdays', '--deadline', '72h', '--json')
  t.equal(made.exit, 0, made.stderr)
  const p = JSON.parse(made.stdout).proposal
  t.equal(p.status, 'open')
  t.equal(p.text, 'Weekly call on Thursdays')
  t.ok(p.deadline > Date.now() + 71 * 3_600_000)

  const length = async (): Promise<number> => JSON.parse((await disco(s, 'status', '--json')).stdout).length
  const before = await length()
  const early = await disco(s, 'close', p.shortId, '--json')
  t.equal(early.exit, 2)
  t.equal(JSON.parse(early.stdout).error.code, 'CLOSE_TOO_EARLY')
  t.match(JSON.parse(early.stdout).error.message, /ledger time/, 'it says what the ledger time is')
  const soon = await disco(s, 'propose', 'motion', '-m', 'decide now', '--deadline', '2h', '--json')
  t.equal(soon.exit, 2)
  t.equal(JSON.parse(soon.stdout).error.code, 'DEADLINE_TOO_SOON', 'a deadline inside the minimum deliberation is refused')
  t.equal(await length(), before, 'a refused close or proposal appends nothing')

  const bad = await disco(s, 'vote', p.shortId, 'maybe')
  t.equal(bad.exit, 2)
  t.match(bad.stderr, /vote yes, no, abstain, block/)
  t.equal((await disco(s, 'propose', 'role')).exit, 2, 'a missing argument is a usage error')
  t.equal((await disco(s, 'propose', 'motion')).exit, 2, 'a motion needs its text')

  const voted = await disco(s, 'vote', p.shortId, 'yes', '-m', 'fine by me')
  t.equal(voted.exit, 0)
  t.match(voted.stdout, /\[passed\]/, 'every binding voter voted: decided before the deadline')
  const decided = await length()
  const again = await disco(s, 'vote', p.shortId, 'no', '--json')
  t.equal(again.exit, 2)
  t.equal(JSON.parse(again.stdout).error.code, 'PROPOSAL_DECIDED')
  const late = await disco(s, 'close', p.shortId, '--json')
  t.equal(JSON.parse(late.stdout).error.code, 'PROPOSAL_DECIDED')
  t.equal(await length(), decided, 'a vote or close on a decided proposal appends nothing')

  const removal = JSON.parse((await disco(s, 'propose', 'remove', 'Ana', '--json')).stdout).proposal
  const failed = await disco(s, 'vote', removal.shortId, 'yes')
  t.match(failed.stdout, /\[failed: it would remove the last indexer/)

  const list = JSON.parse((await disco(s, 'proposals', '--json')).stdout).proposals
  t.same(list.map((x: { kind: string, status: string }) => [x.kind, x.status]), [['motion', 'passed'], ['remove', 'failed']])
  t.same(JSON.parse((await disco(s, 'proposals', '--open', '--json')).stdout).proposals, [])
  t.match((await disco(s, 'proposals')).stdout, /motion {2}\[passed\]/)
})

t.test('decision types through the CLI: a poll, consent with an objection, the advice process', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-dec-cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const s = path.join(dir, 'node')
  t.equal((await disco(s, 'init', '--name', 'Coop', '--me', 'Ana')).exit, 0)
  const json = async (...args: string[]): Promise<any> => { const r = await disco(s, ...args, '--json'); return { exit: r.exit, ...JSON.parse(r.stdout) } }

  const poll = (await json('propose', 'motion', '-m', 'which kettle', '--decision', 'dots', '--option', 'steel', '--option', 'glass', '--budget', '6')).proposal
  t.match(poll.decision, { type: 'dots', options: ['steel', 'glass'], budget: 6, ballots: 0 })
  t.match(await json('ballot', poll.shortId, 'steel=5', 'glass=2'), { exit: 2, error: { code: 'INVALID_FIELD', message: /spread 1 to 6 dots/ } }, 'a ballot over the budget is refused before it is written')
  const cast = await json('ballot', poll.shortId, 'glass=4', 'steel=2')
  t.match(cast.proposal, { status: 'passed', reason: /"glass" has the most dots, 4/, decision: { result: { totals: [2, 4], winner: 1 } } })
  t.match(cast.proposal.ballots, [{ name: 'Ana', values: [2, 4] }], 'the ballot is listed with its member')

  const consent = (await json('propose', 'motion', '-m', 'paint it in May', '--decision', 'consent')).proposal
  const objected = await json('object', consent.shortId, '-m', 'May is busy')
  t.match(objected.proposal, { status: 'open', decision: { objections: 1 }, objections: [{ name: 'Ana', reason: 'May is busy', status: 'open' }] })
  const resolved = await json('resolve', consent.shortId, 'resolved', '-m', 'June then')
  t.match(resolved.proposal, { status: 'open', decision: { round: 2, objections: 0 }, objections: [{ status: 'resolved', note: 'June then' }] })
  t.match(await json('vote', consent.shortId, 'yes'), { proposal: { status: 'passed', reason: /round 2: 1 consent/ } })

  const advice = (await json('propose', 'motion', '-m', 'assembly on Thursdays', '--decision', 'advice')).proposal
  t.match(await json('decide', advice.shortId, 'adopt'), { exit: 2, error: { code: 'DECISION_RULE', message: /still hearing advice/ } })
  await json('vote', advice.shortId, 'no', '-m', 'Thursdays are full')
  const adopted = await disco(s, 'decide', advice.shortId, 'adopt', '-m', 'heard, doing it anyway')
  t.match(adopted.stdout, /by advice {2}\[passed: the proposer adopted it after hearing advice: 0 support, 1 discourage, 0 abstain\]/)
  t.match((await disco(s, 'proposals')).stdout, /by dots {2}\[passed: "glass" has the most dots, 4, of 1 binding ballot\]/, 'the list says each decision and why')
})
