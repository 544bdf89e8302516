import t from 'tap'
import type { Test } from 'tap'
import b4a from 'b4a'
import { getDevice, getMember, getLedgerTime, listRejections, memberBalances } from '../src/consensus/queries.js'
import { getStatement } from '../src/consensus/accounting-queries.js'
import { parseDate } from '../src/ledger/dates.js'
import { formatAmount } from '../src/ledger/currency.js'
import { validateOp } from '../src/ledger/validate.js'
import { FakeWriter, admitOf, contribution, inviteOf, testInvite } from './helpers/ops.js'
import { cooperative } from './helpers/coop.js'
import type { Coop } from './helpers/coop.js'

/**
 * The trust defects one participant could exploit, each as a hostile op appended through the raw
 * path (a frame written past every check a node makes before it appends), on a cooperative of
 * three full members. Each test failed on the ledger before the fix; see docs/governance.md,
 * "What one participant can do".
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR

async function codes (coop: Coop, writer?: FakeWriter): Promise<string[]> {
  return (await listRejections(coop.view)).filter(r => writer === undefined || r.writer === writer.hex).map(r => r.code)
}

/** Three members (M0 founds, M1, M2) and a contributor, Cy, admitted by invite. */
async function withContributor (t: Test, name: string) {
  const { coop, members } = await cooperative(t, 3, name)
  const [a] = members as [FakeWriter]
  const cy = new FakeWriter(0xc1)
  const inv = testInvite(0x11)
  await coop.write(a, [inviteOf(inv, 'contributor', coop.time + 30 * DAY)])
  await coop.write(a, [admitOf(inv, cy.key)])
  t.equal((await getMember(coop.view, cy.hex))?.role, 'contributor', 'Cy is a contributor')
  return { coop, members: members as [FakeWriter, FakeWriter, FakeWriter], cy }
}

t.test('1. an outstanding invite cannot be spent without its code', async t => {
  const { coop, members: [ana, bo], cy } = await withContributor(t, 'invite')
  const anaPi = new FakeWriter(0xa2)
  const eve = new FakeWriter(0xee)
  const device = testInvite(0x21)
  const role = testInvite(0x22)
  await coop.write(ana, [inviteOf(device, 'device', coop.time + DAY), inviteOf(role, 'dater', coop.time + DAY)])

  // Cy reads invite/<id> from the view and admits a key of his own, with no proof, a proof of his
  // own making, and the real joiner's proof (made for the joiner's key, not his)
  const forged = testInvite(0x99)
  await coop.write(cy, [
    { type: 'admit', inviteId: device.inviteId, writer: eve.key, proof: b4a.alloc(64) },
    { type: 'admit', inviteId: device.inviteId, writer: eve.key, proof: admitOf(forged, eve.key).proof },
    { ...admitOf(device, anaPi.key), writer: eve.key },
    { type: 'admit', inviteId: role.inviteId, writer: eve.key, proof: admitOf(forged, eve.key).proof }
  ])
  t.same(await codes(coop, cy), ['ADMIT_PROOF_INVALID', 'ADMIT_PROOF_INVALID', 'ADMIT_PROOF_INVALID', 'ADMIT_PROOF_INVALID'])
  t.equal(await getDevice(coop.view, eve.hex), null, 'Eve\'s key writes for nobody')
  t.notOk(coop.added.includes(eve.hex), 'and is not a writer')

  // the member's real device, with the proof its code makes, still gets in; any node may relay it
  await coop.write(bo, [admitOf(device, anaPi.key)])
  t.equal((await getDevice(coop.view, anaPi.hex))?.member, ana.hex, 'Ana\'s second device writes for Ana')
  await coop.write(anaPi, [contribution({ minutes: 30 })])
  t.equal((await memberBalances(coop.view, ana.hex, 'all')).find(b => b.stream === 'love')?.balance.minutes, 30)
})

t.test('1b. an invite grants only what its maker may still grant', async t => {
  const { coop, members } = await cooperative(t, 3, 'grant')
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const inv = testInvite(0x31)
  const joiner = new FakeWriter(0x32)
  await coop.write(c, [inviteOf(inv, 'dater', coop.time + 30 * DAY)])
  const p = await coop.propose(a, { kind: 'role', member: c.key, role: 'supporter' })
  for (const m of [a, b, c]) await coop.vote(m, p, 'yes')
  t.equal((await getMember(coop.view, c.hex))?.role, 'supporter', 'c is a supporter now')
  await coop.write(a, [admitOf(inv, joiner.key)])
  t.same(await codes(coop, a), ['INVITER_CANNOT_GRANT'], 'a supporter\'s old invite admits no dater')
  t.equal(await getDevice(coop.view, joiner.hex), null)
})

t.test('2. a deadline in the past decides nothing: proposals get the minimum deliberation', async t => {
  const { coop, members: [a, b, c] } = await withContributor(t, 'deadline')
  await coop.propose(a, { kind: 'motion' }, Date.UTC(2000, 0, 2))
  t.same(await codes(coop, a), ['DEADLINE_TOO_SOON'], 'a deadline in 2000 is refused')

  // a dater puts "make me a member", a deadline of 1 and a close in one block
  const dater = new FakeWriter(0xd1)
  const admit = await coop.propose(a, { kind: 'admit', writer: dater.key, role: 'dater', name: 'Dee' })
  for (const m of [a, b, c]) await coop.vote(m, admit, 'yes')
  const self = { writer: dater.key, seq: dater.length, index: 0 } // the block written next
  await coop.write(dater, [
    { type: 'propose', action: { kind: 'role', member: dater.key, role: 'member' }, text: 'me', audience: 'members', deadline: 1 },
    { type: 'close', proposal: self }
  ])
  t.same(await codes(coop, dater), ['DEADLINE_TOO_SOON', 'PROPOSAL_NOT_FOUND'])
  t.equal((await getMember(coop.view, dater.hex))?.role, 'dater', 'still a dater')

  // with a lawful deadline, the dater's own close is not theirs to make, at any claimed time
  const lawful = await coop.propose(dater, { kind: 'role', member: dater.key, role: 'member' }, coop.time + 2 * DAY)
  await coop.write(dater, [{ type: 'close', proposal: lawful }], 30 * DAY)
  t.same((await codes(coop, dater)).slice(2), ['NOT_ALLOWED'])
  t.equal((await coop.proposal(lawful)).status, 'open')
})

t.test('2b. before the deadline only every binding vote decides; after it a binding voter closes', async t => {
  const { coop, members } = await cooperative(t, 3, 'deliberation')
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const deadline = coop.time + 3 * DAY
  const p = await coop.propose(a, { kind: 'motion' }, deadline)
  await coop.vote(a, p, 'yes')
  await coop.vote(b, p, 'yes')
  t.equal((await coop.proposal(p)).status, 'open', 'a majority before the deadline does not decide')
  await coop.write(a, [{ type: 'close', proposal: p }])
  t.same(await codes(coop), ['CLOSE_TOO_EARLY'])

  const early = await coop.propose(a, { kind: 'motion' }, deadline)
  for (const m of [a, b, c]) await coop.vote(m, early, 'yes')
  t.equal((await coop.proposal(early)).status, 'passed', 'every binding voter voted: decided at once')

  coop.time = deadline + HOUR
  await coop.tick([a, b, c])
  t.ok(await coop.now() > deadline, 'the members\' clocks moved the ledger time past the deadline')
  await coop.write(c, [{ type: 'close', proposal: p }])
  t.equal((await coop.proposal(p)).status, 'passed')
})

t.test('3. one forged clock moves neither deadlines, month ends nor invite expiry', async t => {
  const { coop, members: [a, b, c], cy } = await withContributor(t, 'clock')
  // c's clock says a year later: the ledger time, the lower median of the members' times, stays
  // within the honest members' clocks
  await coop.tick([c], 365 * DAY)
  t.ok(await coop.now() <= coop.time, 'one fast clock of three moves it no further than the honest ones')

  // a member's 72-hour motion: a contributor's close stamped past the deadline decides nothing,
  // and neither does the fast member's
  const motion = await coop.propose(a, { kind: 'motion' }, coop.time + 72 * HOUR)
  const deadline = (await coop.proposal(motion)).deadline
  await coop.write(cy, [{ type: 'close', proposal: motion }], 100 * HOUR)
  await coop.write(c, [{ type: 'close', proposal: motion }], 365 * DAY)
  t.same((await codes(coop)).sort(), ['CLOSE_TOO_EARLY', 'NOT_ALLOWED'])
  t.ok(await coop.now() < deadline)
  t.equal((await coop.proposal(motion)).status, 'open')

  // distributing the current month: its end has not passed on the ledger time
  const month = new Date(coop.time).toISOString().slice(0, 7)
  await coop.write(a, [contribution({ day: parseDate(`${month}-01`) })])
  await coop.write(c, [{ type: 'propose', action: { kind: 'distribute', month, pool: { amount: 100, currency: 'EUR' } }, text: '', audience: 'members', deadline: 0 }], 365 * DAY)
  t.same((await codes(coop, c)).pop(), 'MONTH_NOT_OVER')
  t.equal(await getStatement(coop.view, month), null)

  // an invite that expired on the ledger time cannot be admitted by a relay whose clock says it
  // has not: a, who has not written since the invite, stamps the admission before the expiry
  const inv = testInvite(0x41)
  const late = new FakeWriter(0x42)
  const expires = coop.time + HOUR
  await coop.write(b, [inviteOf(inv, 'contributor', expires)])
  coop.time += 2 * HOUR
  await coop.tick([b])
  t.ok(await getLedgerTime(coop.view) > expires, 'two of three members\' clocks passed the expiry')
  await coop.write(a, [admitOf(inv, late.key)], expires - HOUR / 2 - coop.time - 1000)
  t.same((await codes(coop, a)).pop(), 'INVITE_EXPIRED')
  t.equal(await getDevice(coop.view, late.hex), null)
})

t.test('4. money sums are exact past 2^53, and a negative amount prints as one', async t => {
  const { coop, members } = await cooperative(t, 1, 'money')
  const [a] = members as [FakeWriter]
  const big = { amount: 999_999_999_999_999, currency: 'EUR' } // 9,999,999,999,999.99 EUR
  const refs = []
  for (let i = 0; i < 10; i++) refs.push(await coop.write(a, [contribution({ stream: 'livelihood', money: big, client: 'Acme' })]))
  refs.push(await coop.write(a, [contribution({ stream: 'livelihood', money: { amount: 7, currency: 'EUR' }, client: 'Acme' })]))
  const livelihood = async () => (await memberBalances(coop.view, a.hex, 'all')).find(b => b.stream === 'livelihood')?.balance
  t.strictSame((await livelihood())?.money, { EUR: '9999999999999997' }, 'ten of 9,999,999,999,999.99 and 0.07: exact to the cent')
  t.equal(formatAmount({ amount: 9_999_999_999_999_997n, currency: 'EUR' }), '99999999999999.97')
  for (const r of refs) await coop.write(a, [{ type: 'retract', target: r, reason: 'test' }])
  t.strictSame(await livelihood(), { minutes: 0, entries: 0, money: {} }, 'retracting them all leaves nothing')
  t.equal(formatAmount({ amount: -2, currency: 'EUR' }), '-0.02')
  t.equal(formatAmount({ amount: -12050n, currency: 'EUR' }), '-120.50')
  t.equal(formatAmount({ amount: -5, currency: 'JPY' }), '-5')
})

t.test('5. text refuses Unicode bidirectional controls, from the command line and from a peer', async t => {
  const { coop, members } = await cooperative(t, 1, 'bidi')
  const [a] = members as [FakeWriter]
  const disguised = ['\u202e', '\u202a', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'].map(c => `paid ${c}0001 EUR`)
  for (const text of disguised) {
    t.throws(() => validateOp(contribution({ description: text })), { code: 'INVALID_FIELD', message: /bidirectional/ }, `U+${text.codePointAt(5)?.toString(16)} refused`)
  }
  t.doesNotThrow(() => validateOp(contribution({ description: 'traducción ‏עברית and العربية' })), 'right-to-left text itself is fine')
  await coop.write(a, [
    contribution({ description: disguised[0] }),
    contribution({ project: 'zine\u2066' }),
    { type: 'profile', name: 'Ana\u202e' },
    { type: 'propose', action: { kind: 'motion' }, text: 'vote \u202eon', audience: 'members', deadline: 0 }
  ])
  t.same(await codes(coop, a), ['INVALID_FIELD', 'INVALID_FIELD', 'INVALID_FIELD', 'INVALID_FIELD'], 'a peer\'s op with them is rejected')
})
