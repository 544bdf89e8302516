import t from 'tap'
import crypto from 'hypercore-crypto'
import { formatMinutes, parseDuration } from '../src/ledger/duration.js'
import { formatAmount, formatMoney, parseMoney } from '../src/ledger/currency.js'
import type { Money } from '../src/ledger/currency.js'
import { formatDay, monthOfDay, parseDate, parseMonth, today } from '../src/ledger/dates.js'
import { LIMITS, MAX_DAY, MAX_MINUTES, MAX_MONEY_MINOR, MIN_DAY } from '../src/ledger/limits.js'
import { validateContribution, validateOp } from '../src/ledger/validate.js'
import type { ContributionFields, ContributionOp, ContributionPatch, Op, OpRef } from '../src/ledger/ops.js'
import { contributionOp, contributionPatch } from '../src/commands/contribution-input.js'
import type { AmendInput, ContributionInput } from '../src/commands/contribution-input.js'

/** the `t` a subtest gets */
type Tap = Parameters<Parameters<typeof t.test>[0]>[0]

/** fn throws a DiscoError with this code. */
function refuses (t: Tap, fn: () => unknown, code: string, name: string): void {
  t.throws(fn, { name: 'DiscoError', code }, name)
}

// --- durations ---------------------------------------------------------------------------------

t.test('parseDuration accepts', async t => {
  const cases: Array<[string, number]> = [
    ['3h', 180], ['90m', 90], ['1h30m', 90], ['1h 30m', 90], ['1.5h', 90], ['0.25h', 15], ['0.5h', 30],
    ['1.50h', 90], ['12.4h', 744], ['2:30', 150], ['0:05', 5], ['45min', 45], ['1m', 1], [' 3h ', 180],
    ['3H', 180], ['1H30M', 90], ['45MIN', 45], ['1.5H', 90],
    [`${MAX_MINUTES / 60}h`, MAX_MINUTES], [`${MAX_MINUTES}m`, MAX_MINUTES]
  ]
  for (const [text, minutes] of cases) t.equal(parseDuration(text), minutes, `"${text}" is ${minutes} minutes`)
})

t.test('parseDuration refuses', async t => {
  const bad = ['', '   ', '0m', '0h', '0:00', '0.0h', '1.33h', '0.1m', '3', '3x', '-1h', '+1h', 'h', '1.h', '.5h',
    '2:60', '2:5', '1h30', '1m30h', '1,5h', '1 h', 'three hours', '1h90m', '1h60m',
    `${MAX_MINUTES / 60 + 1}h`, `${MAX_MINUTES + 1}m`, `${MAX_MINUTES / 60}:01`, '99999h']
  for (const text of bad) refuses(t, () => parseDuration(text), 'INVALID_DURATION', `"${text}"`)
  t.throws(() => parseDuration('1.33h'), { message: /whole number of minutes/ }, '1.33h says why')
})

t.test('formatMinutes', async t => {
  t.equal(formatMinutes(90), '1h30m')
  t.equal(formatMinutes(180), '3h')
  t.equal(formatMinutes(45), '45m')
  t.equal(formatMinutes(65), '1h05m')
  t.equal(formatMinutes(0), '0m')
  t.equal(formatMinutes(-90), '-1h30m', 'negative (a balance)')
  t.equal(formatMinutes(MAX_MINUTES), '744h')
  const wrong: number[] = []
  for (let m = 1; m <= 3000; m++) if (parseDuration(formatMinutes(m)) !== m) wrong.push(m)
  t.strictSame(wrong, [], 'parseDuration(formatMinutes(m)) is m for 1…3000')
})

// --- money -------------------------------------------------------------------------------------

t.test('parseMoney accepts', async t => {
  const cases: Array<[string, string, Money]> = [
    ['120.50', 'EUR', { amount: 12050, currency: 'EUR' }],
    ['120.5', 'EUR', { amount: 12050, currency: 'EUR' }],
    ['120', 'EUR', { amount: 12000, currency: 'EUR' }],
    ['0.05', 'EUR', { amount: 5, currency: 'EUR' }],
    ['0', 'USD', { amount: 0, currency: 'USD' }],
    ['007.5', 'EUR', { amount: 750, currency: 'EUR' }],
    [' 12 ', 'EUR', { amount: 1200, currency: 'EUR' }],
    ['7', 'JPY', { amount: 7, currency: 'JPY' }],
    ['1.234', 'BHD', { amount: 1234, currency: 'BHD' }],
    ['1.2', 'BHD', { amount: 1200, currency: 'BHD' }],
    ['1.2345', 'CLF', { amount: 12345, currency: 'CLF' }],
    ['120.50', 'eur', { amount: 12050, currency: 'EUR' }],
    ['1', ' usd ', { amount: 100, currency: 'USD' }],
    ['10000000000000', 'EUR', { amount: MAX_MONEY_MINOR, currency: 'EUR' }]
  ]
  for (const [amount, currency, money] of cases) t.strictSame(parseMoney(amount, currency), money, `"${amount}" ${currency}`)
})

t.test('parseMoney refuses', async t => {
  const bad: Array<[string, string]> = [
    ['1.234', 'EUR'], ['7.5', 'JPY'], ['1.2345', 'BHD'], ['1,200', 'EUR'], ['1 200', 'EUR'], ['-5', 'EUR'], ['+5', 'EUR'],
    ['1e3', 'EUR'], ['', 'EUR'], ['.5', 'EUR'], ['5.', 'EUR'], ['€5', 'EUR'], ['5 EUR', 'EUR'], ['0x10', 'EUR'],
    ['10000000000000.01', 'EUR'], ['99999999999999999999', 'JPY']
  ]
  for (const [amount, currency] of bad) refuses(t, () => parseMoney(amount, currency), 'INVALID_AMOUNT', `"${amount}" ${currency}`)
  t.throws(() => parseMoney('1.234', 'EUR'), { message: /EUR has 2 decimal places/ })
  t.throws(() => parseMoney('7.5', 'JPY'), { message: /JPY has no minor unit/ })
  for (const currency of ['XYZ', 'EURO', '', 'E', '€']) {
    refuses(t, () => parseMoney('1', currency), 'UNKNOWN_CURRENCY', `currency "${currency}"`)
  }
})

t.test('formatAmount and formatMoney', async t => {
  t.equal(formatAmount({ amount: 12050, currency: 'EUR' }), '120.50')
  t.equal(formatAmount({ amount: 5, currency: 'EUR' }), '0.05')
  t.equal(formatAmount({ amount: 0, currency: 'EUR' }), '0.00')
  t.equal(formatAmount({ amount: 7, currency: 'JPY' }), '7')
  t.equal(formatAmount({ amount: 0, currency: 'JPY' }), '0')
  t.equal(formatAmount({ amount: 1234, currency: 'BHD' }), '1.234')
  t.equal(formatAmount({ amount: 5, currency: 'BHD' }), '0.005')
  t.equal(formatAmount({ amount: MAX_MONEY_MINOR, currency: 'EUR' }), '10000000000000.00')
  t.equal(formatMoney({ amount: 12050, currency: 'EUR' }), '120.50 EUR')
  t.equal(formatMoney({ amount: 1234, currency: 'BHD' }), '1.234 BHD')
  t.equal(formatMoney({ amount: 7, currency: 'JPY' }), '7 JPY')
  refuses(t, () => formatAmount({ amount: 1, currency: 'XYZ' }), 'UNKNOWN_CURRENCY', 'unknown currency')
  for (const m of [{ amount: 12050, currency: 'EUR' }, { amount: 7, currency: 'JPY' }, { amount: 1, currency: 'BHD' }]) {
    t.strictSame(parseMoney(formatAmount(m), m.currency), m, `${formatMoney(m)} round trips`)
  }
})

// --- dates -------------------------------------------------------------------------------------

t.test('parseDate and formatDay', async t => {
  t.equal(parseDate('2026-11-03'), 20760)
  t.equal(parseDate(' 2026-11-03 '), 20760, 'trimmed')
  t.equal(parseDate('2000-01-01'), MIN_DAY, 'first day allowed')
  t.equal(parseDate('2099-12-31'), MAX_DAY, 'last day allowed')
  t.equal(parseDate('2024-02-29'), parseDate('2024-02-28') + 1, 'a leap day')
  t.equal(parseDate('2024-03-01'), parseDate('2024-02-29') + 1)
  t.equal(parseDate('2000-02-29'), parseDate('2000-03-01') - 1, '2000 was a leap year')
  for (const text of ['2024-02-29', '2000-01-01', '2099-12-31', '2026-11-03', '2031-07-15']) {
    t.equal(formatDay(parseDate(text)), text, `${text} round trips`)
  }
})

t.test('parseDate refuses', async t => {
  const bad = ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32',
    '1999-12-31', '2100-01-01', '0000-01-01', '0050-01-01', '2026-1-05', '2026-01-5', '26-01-05', '2026/01/05',
    '05-01-2026', '2026-01-05T00:00', '20260105', '', 'today', '+2026-01-05']
  for (const text of bad) refuses(t, () => parseDate(text), 'INVALID_DATE', `"${text}"`)
})

t.test('months and today', async t => {
  t.equal(monthOfDay(parseDate('2026-11-30')), '2026-11')
  t.equal(monthOfDay(parseDate('2026-12-01')), '2026-12')
  t.equal(monthOfDay(MIN_DAY), '2000-01')
  t.equal(parseMonth('2026-11'), '2026-11')
  t.equal(parseMonth(' 2026-01 '), '2026-01')
  t.equal(parseMonth('2026-12'), '2026-12')
  for (const text of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '', '2026/11', 'nov', '202611']) {
    refuses(t, () => parseMonth(text), 'INVALID_MONTH', `"${text}"`)
  }
  t.equal(today(new Date(2026, 10, 3, 0, 1)), 20760, 'today is the local calendar date, just after midnight')
  t.equal(today(new Date(2026, 10, 3, 23, 59)), 20760, '... and just before the next')
})

// --- validation --------------------------------------------------------------------------------

const REF: OpRef = { writer: new Uint8Array(32), seq: 1, index: 0 }

function fields (over: Partial<ContributionFields> = {}): ContributionFields {
  return {
    stream: 'love', minutes: 60, day: 20760, description: '', project: '', tags: [], client: '', commons: '',
    careFor: null, money: null, output: null, ...over
  }
}
const entry = (over: Partial<ContributionOp> = {}): ContributionOp => ({ type: 'contribution', key: '', ...fields(), ...over })
const livelihood = (over: Partial<ContributionOp> = {}): ContributionOp => entry({ stream: 'livelihood', ...over })
const amend = (patch: ContributionPatch): Op => ({ type: 'amend', target: REF, patch })

/** For each limit in LIMITS, an op with a text of the given value in that place. */
const TEXT_LIMITS: Array<[keyof typeof LIMITS, (s: string) => Op]> = [
  ['coopName', s => ({ type: 'found', coopName: s, memberName: 'Ada' })],
  ['memberName', s => ({ type: 'found', coopName: 'Coop', memberName: s })],
  ['memberName', s => ({ type: 'profile', name: s })],
  ['description', s => entry({ description: s })],
  ['description', s => amend({ description: s })],
  ['project', s => entry({ project: s })],
  ['project', s => amend({ project: s })],
  ['tag', s => entry({ tags: ['ok', s] })],
  ['tag', s => amend({ tags: [s] })],
  ['key', s => entry({ key: s })],
  ['client', s => livelihood({ client: s })],
  ['client', s => amend({ client: s })],
  ['commons', s => entry({ stream: 'love', commons: s })],
  ['commons', s => amend({ commons: s })],
  ['reason', s => ({ type: 'retract', target: REF, reason: s })],
  ['reason', s => ({ type: 'vote', proposal: REF, choice: 'no', reason: s })],
  ['proposalText', s => ({ type: 'propose', action: { kind: 'motion' }, text: s, audience: 'members', deadline: 0 })],
  ['memberName', s => ({ type: 'propose', action: { kind: 'admit', writer: Buffer.alloc(32, 1), role: 'member', name: s }, text: '', audience: 'members', deadline: 0 })],
  ['client', s => ({ type: 'income', money: { amount: 100, currency: 'EUR' }, client: s, day: 20760, description: '', key: '' })],
  ['description', s => ({ type: 'income', money: { amount: 100, currency: 'EUR' }, client: 'Acme', day: 20760, description: s, key: '' })],
  ['key', s => ({ type: 'income', money: { amount: 100, currency: 'EUR' }, client: 'Acme', day: 20760, description: '', key: s })],
  ['reference', s => ({ type: 'paid', month: '2026-10', day: 20760, reference: s })],
  ['federateName', s => ({ type: 'propose', action: { kind: 'federate', key: Buffer.alloc(32, 1), topic: Buffer.alloc(32, 2), name: s }, text: '', audience: 'members', deadline: 0 })],
  ['pollOption', s => ({ type: 'propose', action: { kind: 'motion' }, text: 'Which venue?', audience: 'members', deadline: 0, decision: { type: 'ranked', options: ['first', s], budget: 0 } })]
]

t.test('every text limit, at and just over, in UTF-8 bytes', async t => {
  const covered = new Set(TEXT_LIMITS.map(([name]) => name))
  // not text: counts (indexers, mirrors: below; poll options: test/decision-types.test.ts) and byte
  // sizes of federation proofs (test/federation.test.ts)
  t.strictSame([...covered, 'tags', 'indexers', 'mirrors', 'pollOptions', 'manifest', 'signature', 'treeNodes'].sort(), Object.keys(LIMITS).sort(), 'the table covers every limit')
  for (const [name, build] of TEXT_LIMITS) {
    const max = LIMITS[name]
    const label = `${name} in ${build('x').type}`
    t.doesNotThrow(() => validateOp(build('a'.repeat(max))), `${label}: ${max} bytes`)
    refuses(t, () => validateOp(build('a'.repeat(max + 1))), 'FIELD_TOO_LONG', `${label}: ${max + 1} bytes`)
    // é is two bytes: half as many characters reach the limit
    t.doesNotThrow(() => validateOp(build('é'.repeat(max / 2))), `${label}: ${max / 2} × é`)
    refuses(t, () => validateOp(build('é'.repeat(max / 2) + 'a')), 'FIELD_TOO_LONG', `${label}: ${max / 2} × é + 1 byte`)
  }
})

t.test('mirror count', async t => {
  const mirrors = (n: number): Op => ({
    type: 'propose', action: { kind: 'mirrors', keys: Array.from({ length: n }, (_, i) => crypto.keyPair(Buffer.alloc(32, i + 1)).publicKey) }, text: '', audience: 'members', deadline: 0
  })
  t.doesNotThrow(() => validateOp(mirrors(LIMITS.mirrors)), `${LIMITS.mirrors} mirrors`)
  refuses(t, () => validateOp(mirrors(LIMITS.mirrors + 1)), 'INVALID_FIELD', `${LIMITS.mirrors + 1} mirrors`)
})

t.test('indexer count', async t => {
  const devices = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.alloc(32, i + 1))
  const indexers = (d: Buffer[]): Op => ({ type: 'propose', action: { kind: 'indexers', devices: d }, text: '', audience: 'members', deadline: 0 })
  t.doesNotThrow(() => validateOp(indexers(devices(LIMITS.indexers))), `${LIMITS.indexers} indexers`)
  refuses(t, () => validateOp(indexers(devices(LIMITS.indexers + 1))), 'INVALID_FIELD', `${LIMITS.indexers + 1} indexers`)
  refuses(t, () => validateOp(indexers([])), 'INVALID_FIELD', 'no indexer')
  refuses(t, () => validateOp(indexers([Buffer.alloc(32, 1), Buffer.alloc(32, 1)])), 'INVALID_FIELD', 'a device twice')
})

t.test('tag count', async t => {
  const tags = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i}`)
  t.doesNotThrow(() => validateOp(entry({ tags: tags(LIMITS.tags) })), `${LIMITS.tags} tags`)
  refuses(t, () => validateOp(entry({ tags: tags(LIMITS.tags + 1) })), 'INVALID_FIELD', `${LIMITS.tags + 1} tags`)
  refuses(t, () => validateOp(amend({ tags: tags(LIMITS.tags + 1) })), 'INVALID_FIELD', `${LIMITS.tags + 1} tags in an amend`)
  refuses(t, () => validateOp(entry({ tags: ['a', 'b', 'a'] })), 'INVALID_FIELD', 'duplicate tags')
  refuses(t, () => validateOp(amend({ tags: ['x', 'x'] })), 'INVALID_FIELD', 'duplicate tags in an amend')
  t.throws(() => validateOp(entry({ tags: ['a', 'a'] })), { message: /"a" is given twice/ })
  refuses(t, () => validateOp(entry({ tags: [''] })), 'INVALID_FIELD', 'empty tag')
  refuses(t, () => validateOp(entry({ tags: ['  '] })), 'INVALID_FIELD', 'blank tag')
  t.doesNotThrow(() => validateOp(entry({ tags: ['a', 'A'] })), 'tags differing in case are different tags')
})

t.test('control characters', async t => {
  t.doesNotThrow(() => validateOp(entry({ description: 'line one\nline two' })), 'newline in a description')
  t.doesNotThrow(() => validateOp({ type: 'retract', target: REF, reason: 'first\nsecond' }), 'newline in a retract reason')
  for (const ch of ['\t', '\u0000', '\u001b', '\u007f']) {
    refuses(t, () => validateOp(entry({ description: `a${ch}b` })), 'INVALID_FIELD', `description with U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
  }
  const singleLine: Array<[string, Op]> = [
    ['project', entry({ project: 'a\nb' })],
    ['tag', entry({ tags: ['a\nb'] })],
    ['client', livelihood({ client: 'a\nb' })],
    ['commons', entry({ commons: 'a\nb' })],
    ['key', entry({ key: 'a\nb' })],
    ['amend project', amend({ project: 'a\nb' })],
    ['cooperative name', { type: 'found', coopName: 'a\nb', memberName: 'Ada' }],
    ['member name', { type: 'found', coopName: 'Coop', memberName: 'a\tb' }],
    ['profile name', { type: 'profile', name: 'Ada\n' }]
  ]
  for (const [name, op] of singleLine) refuses(t, () => validateOp(op), 'INVALID_FIELD', `newline or tab in ${name}`)
  // every ASCII character, in a single-line field and a multiline one: printable ASCII takes a
  // shorter path through the check (ledger/text.ts) and must be judged as the rest is
  for (let code = 0; code < 0x80; code++) {
    const ch = String.fromCharCode(code)
    const refused = code < 0x20 || code === 0x7f
    const check = (op: Op, ok: boolean, label: string): void => {
      if (ok) t.doesNotThrow(() => validateOp(op), label)
      else refuses(t, () => validateOp(op), 'INVALID_FIELD', label)
    }
    check(entry({ project: `a${ch}b` }), !refused, `U+${code.toString(16).padStart(4, '0')} in a project`)
    check(entry({ description: `a${ch}b` }), !refused || ch === '\n', `U+${code.toString(16).padStart(4, '0')} in a description`)
  }
})

t.test('what each stream may carry', async t => {
  const eur = { amount: 100, currency: 'EUR' }
  t.doesNotThrow(() => validateContribution(fields({ stream: 'livelihood', money: eur, client: 'Acme' })), 'livelihood with money and client')
  t.doesNotThrow(() => validateContribution(fields({ stream: 'love', commons: 'wiki' })), 'love with a commons')
  t.doesNotThrow(() => validateContribution(fields({ stream: 'care', careFor: 'collective' })), 'care for the collective')
  t.doesNotThrow(() => validateContribution(fields({ stream: 'care', careFor: 'person' })), 'care for a person')
  const bad: Array<[string, Partial<ContributionFields>, RegExp]> = [
    ['money on love', { stream: 'love', money: eur }, /^money:/],
    ['money on care', { stream: 'care', careFor: 'collective', money: eur }, /^money:/],
    ['client on care', { stream: 'care', careFor: 'collective', client: 'Acme' }, /^client:/],
    ['client on love', { stream: 'love', client: 'Acme' }, /^client:/],
    ['commons on livelihood', { stream: 'livelihood', commons: 'wiki' }, /^commons:/],
    ['commons on care', { stream: 'care', careFor: 'person', commons: 'wiki' }, /^commons:/],
    ['care without careFor', { stream: 'care', careFor: null }, /^for:/],
    ['care for a robot', { stream: 'care', careFor: 'robot' as 'person' }, /^for:/],
    ['careFor on love', { stream: 'love', careFor: 'collective' }, /^for:/],
    ['careFor on livelihood', { stream: 'livelihood', careFor: 'person' }, /^for:/]
  ]
  for (const [name, over, message] of bad) {
    t.throws(() => validateContribution(fields(over)), { name: 'DiscoError', code: 'INVALID_FIELD', message }, name)
  }
  t.throws(() => validateOp(entry({ stream: 'love', money: eur })), { code: 'INVALID_FIELD' }, 'validateOp checks the same')
})

t.test('numbers in an entry', async t => {
  const refusesEntry = (over: Partial<ContributionFields>, code: string, name: string): void =>
    refuses(t, () => validateContribution(fields(over)), code, name)
  refusesEntry({ stream: 'work' as 'love' }, 'INVALID_STREAM', 'unknown stream')
  t.doesNotThrow(() => validateContribution(fields({ minutes: MAX_MINUTES })), 'MAX_MINUTES')
  refusesEntry({ minutes: 0 }, 'INVALID_DURATION', '0 minutes')
  refusesEntry({ minutes: 1.5 }, 'INVALID_DURATION', '1.5 minutes')
  refusesEntry({ minutes: MAX_MINUTES + 1 }, 'INVALID_DURATION', 'MAX_MINUTES + 1')
  t.doesNotThrow(() => validateContribution(fields({ day: MIN_DAY })), 'MIN_DAY')
  t.doesNotThrow(() => validateContribution(fields({ day: MAX_DAY })), 'MAX_DAY')
  refusesEntry({ day: MIN_DAY - 1 }, 'INVALID_DATE', 'MIN_DAY - 1')
  refusesEntry({ day: MAX_DAY + 1 }, 'INVALID_DATE', 'MAX_DAY + 1')
  refusesEntry({ day: 20760.5 }, 'INVALID_DATE', 'half a day')
  const money = (amount: number, currency = 'EUR'): Partial<ContributionFields> => ({ stream: 'livelihood', money: { amount, currency } })
  t.doesNotThrow(() => validateContribution(fields(money(MAX_MONEY_MINOR))), 'MAX_MONEY_MINOR')
  t.doesNotThrow(() => validateContribution(fields(money(0))), 'zero money')
  refusesEntry(money(MAX_MONEY_MINOR + 1), 'INVALID_AMOUNT', 'MAX_MONEY_MINOR + 1')
  refusesEntry(money(-1), 'INVALID_AMOUNT', 'negative money')
  refusesEntry(money(1.5), 'INVALID_AMOUNT', 'fractional minor units')
  refusesEntry(money(100, 'XYZ'), 'UNKNOWN_CURRENCY', 'unknown currency')
  refusesEntry(money(100, 'eur'), 'UNKNOWN_CURRENCY', 'ops carry upper-case codes')
})

t.test('names and amends', async t => {
  for (const name of ['', '   ']) {
    refuses(t, () => validateOp({ type: 'profile', name }), 'INVALID_FIELD', `profile name "${name}"`)
    refuses(t, () => validateOp({ type: 'found', coopName: name, memberName: 'Ada' }), 'INVALID_FIELD', `coop name "${name}"`)
    refuses(t, () => validateOp({ type: 'found', coopName: 'Coop', memberName: name }), 'INVALID_FIELD', `member name "${name}"`)
  }
  t.doesNotThrow(() => validateOp({ type: 'retract', target: REF, reason: '' }), 'a retract needs no reason')
  refuses(t, () => validateOp(amend({})), 'EMPTY_AMEND', 'empty amend')
  t.doesNotThrow(() => validateOp(amend({ money: null })), 'clearing money')
  t.doesNotThrow(() => validateOp(amend({ careFor: null, stream: 'love' })), 'clearing careFor')
  // 0 minutes stand only beside an output: judged on the whole entry (validateContribution, in apply)
  t.doesNotThrow(() => validateOp(amend({ minutes: 0 })), 'amend to 0 minutes: the patch alone cannot tell')
  refuses(t, () => validateContribution(fields({ minutes: 0 })), 'INVALID_DURATION', 'an entry of 0 minutes and no output')
  t.doesNotThrow(() => validateContribution(fields({ minutes: 0, output: { unit: 'words', quantity: 5000 } })), 'an output alone, no minutes')
  refuses(t, () => validateContribution(fields({ output: { unit: 'Words!', quantity: 1 } })), 'INVALID_FIELD', 'a unit name is lowercase letters, digits, -')
  refuses(t, () => validateContribution(fields({ output: { unit: 'words', quantity: 0 } })), 'INVALID_FIELD', 'a quantity is 1 or more')
  refuses(t, () => validateOp(amend({ output: { unit: 'words', quantity: 1_000_000_001 } })), 'INVALID_FIELD', 'a quantity is at most a billion')
  refuses(t, () => validateOp(amend({ day: MAX_DAY + 1 })), 'INVALID_DATE', 'amend to a day out of range')
  refuses(t, () => validateOp(amend({ stream: 'work' as 'love' })), 'INVALID_STREAM', 'amend to an unknown stream')
  refuses(t, () => validateOp(amend({ careFor: 'robot' as 'person' })), 'INVALID_FIELD', 'amend to an unknown care target')
  refuses(t, () => validateOp(amend({ money: { amount: -1, currency: 'EUR' } })), 'INVALID_AMOUNT', 'amend to negative money')
})

// --- user input → ops --------------------------------------------------------------------------

/** contributionOp, checking that what it makes also passes validation. */
function opOf (t: Tap, input: ContributionInput): ContributionOp {
  const op = contributionOp(input)
  t.doesNotThrow(() => validateOp(op), `${JSON.stringify(input)} makes a valid op`)
  return op
}

t.test('contributionOp defaults', async t => {
  const before = today()
  const op = opOf(t, { stream: 'love', duration: '2h' })
  const after = today()
  t.ok(op.day === before || op.day === after, 'the date defaults to today')
  t.strictSame(op, {
    type: 'contribution', stream: 'love', minutes: 120, day: op.day, description: '', project: '', tags: [],
    client: '', commons: '', careFor: null, money: null, output: null, key: ''
  })
  t.equal(opOf(t, { stream: 'care', duration: '1h' }).careFor, 'collective', 'care is for the collective by default')
  t.equal(opOf(t, { stream: ' Care ', duration: '1h', for: 'Person' }).careFor, 'person')
  t.equal(opOf(t, { stream: 'livelihood', duration: '1h' }).careFor, null)
  t.equal(opOf(t, { stream: 'love', minutes: 90 }).minutes, 90)
})

t.test('contributionOp from full input', async t => {
  const op = opOf(t, {
    stream: 'LIVELIHOOD', duration: '1h30m', date: '2026-11-03', description: '  fixed the build \n', project: ' web ',
    tags: [' dev ', 'dev', 'ops', '  ', 'ops '], amount: '120.5', currency: 'eur', client: ' Acme ', key: ' k1 '
  })
  t.strictSame(op, {
    type: 'contribution', stream: 'livelihood', minutes: 90, day: 20760, description: 'fixed the build', project: 'web',
    tags: ['dev', 'ops'], client: 'Acme', commons: '', careFor: null, money: { amount: 12050, currency: 'EUR' }, output: null, key: 'k1'
  })
  t.strictSame(opOf(t, { stream: 'love', quantity: ' 5000 ', unit: 'Words' }), { ...opOf(t, { stream: 'love', minutes: 1 }), minutes: 0, output: { unit: 'words', quantity: 5000 } },
    'an output alone: 0 minutes')
  t.equal(opOf(t, { stream: 'love', duration: '1h', quantity: '10', unit: 'pages' }).minutes, 60, 'an output beside a duration')
  t.strictSame(opOf(t, { stream: 'love', duration: '1h', commons: ' OSM ' }).commons, 'OSM')
})

t.test('contributionOp refuses', async t => {
  const bad: Array<[string, ContributionInput, string]> = [
    ['--amount without --currency', { stream: 'livelihood', duration: '1h', amount: '10' }, 'INVALID_ARGUMENT'],
    ['--currency without --amount', { stream: 'livelihood', duration: '1h', currency: 'EUR' }, 'INVALID_ARGUMENT'],
    ['duration and minutes', { stream: 'love', duration: '1h', minutes: 60 }, 'INVALID_ARGUMENT'],
    ['no duration', { stream: 'love' }, 'INVALID_ARGUMENT'],
    ['bad duration', { stream: 'love', duration: '1.33h' }, 'INVALID_DURATION'],
    ['0 minutes', { stream: 'love', minutes: 0 }, 'INVALID_DURATION'],
    ['fractional minutes', { stream: 'love', minutes: 1.5 }, 'INVALID_DURATION'],
    ['bad date', { stream: 'love', duration: '1h', date: '2026-02-29' }, 'INVALID_DATE'],
    ['bad stream', { stream: 'work', duration: '1h' }, 'INVALID_STREAM'],
    ['--for on love', { stream: 'love', duration: '1h', for: 'person' }, 'INVALID_FIELD'],
    ['--for a robot', { stream: 'care', duration: '1h', for: 'robot' }, 'INVALID_FIELD'],
    ['bad amount', { stream: 'livelihood', duration: '1h', amount: '1,5', currency: 'EUR' }, 'INVALID_AMOUNT'],
    ['bad currency', { stream: 'livelihood', duration: '1h', amount: '1', currency: 'XYZ' }, 'UNKNOWN_CURRENCY']
  ]
  for (const [name, input, code] of bad) refuses(t, () => contributionOp(input), code, name)
})

t.test('contributionPatch', async t => {
  const patch = (input: AmendInput): ContributionPatch => contributionPatch(input)
  t.strictSame(patch({ duration: '90m' }), { minutes: 90 })
  t.strictSame(patch({ minutes: 30 }), { minutes: 30 })
  t.strictSame(patch({ date: '2026-11-03', description: '  x ' }), { day: 20760, description: 'x' })
  t.strictSame(patch({ tags: [' a', 'a ', 'b', ''] }), { tags: ['a', 'b'] }, 'tags trimmed and deduplicated')
  t.strictSame(patch({ clearTags: true }), { tags: [] })
  t.strictSame(patch({ clearProject: true }), { project: '' })
  t.strictSame(patch({ clearMoney: true }), { money: null })
  t.strictSame(patch({ amount: '5', currency: 'JPY' }), { money: { amount: 5, currency: 'JPY' } })
  t.strictSame(patch({ for: 'person' }), { careFor: 'person' })

  t.strictSame(patch({ stream: 'love' }), { stream: 'love', money: null, client: '', careFor: null },
    'to love: money, client and careFor cleared')
  t.strictSame(patch({ stream: 'livelihood' }), { stream: 'livelihood', commons: '', careFor: null },
    'to livelihood: commons and careFor cleared')
  t.strictSame(patch({ stream: 'care' }), { stream: 'care', money: null, client: '', commons: '', careFor: 'collective' },
    'to care: for the collective unless said')
  t.strictSame(patch({ stream: 'care', for: 'person' }), { stream: 'care', money: null, client: '', commons: '', careFor: 'person' })
  t.strictSame(patch({ stream: 'livelihood', amount: '1', currency: 'EUR', client: 'Acme' }),
    { stream: 'livelihood', money: { amount: 100, currency: 'EUR' }, client: 'Acme', commons: '', careFor: null },
    'given money and client are kept')

  refuses(t, () => patch({}), 'EMPTY_AMEND', 'nothing to change')
  refuses(t, () => patch({ clearMoney: false, clearTags: false }), 'EMPTY_AMEND', 'false flags change nothing')
  refuses(t, () => patch({ clearMoney: true, amount: '5', currency: 'EUR' }), 'INVALID_ARGUMENT', 'clearMoney with an amount')
  refuses(t, () => patch({ amount: '5' }), 'INVALID_ARGUMENT', '--amount without --currency')
  refuses(t, () => patch({ currency: 'EUR' }), 'INVALID_ARGUMENT', '--currency without --amount')
  refuses(t, () => patch({ duration: '1h', minutes: 60 }), 'INVALID_ARGUMENT', 'duration and minutes')
  refuses(t, () => patch({ stream: 'work' }), 'INVALID_STREAM', 'unknown stream')
  refuses(t, () => patch({ date: '2026-02-29' }), 'INVALID_DATE', 'no such day')
  refuses(t, () => patch({ for: 'robot' }), 'INVALID_FIELD', 'unknown care target')
  // a stream move makes an amend that passes validation as it stands
  t.doesNotThrow(() => validateOp(amend(patch({ stream: 'care' }))))
})

t.test('text must be valid Unicode: a lone surrogate is refused, a pair is fine', async t => {
  refuses(t, () => validateOp({ type: 'profile', name: 'Ana \uD800' }), 'INVALID_FIELD', 'lone high surrogate')
  refuses(t, () => validateOp({ type: 'profile', name: '\uDC00 Ana' }), 'INVALID_FIELD', 'lone low surrogate')
  t.doesNotThrow(() => validateOp({ type: 'profile', name: 'Ana 🌱' }), 'an emoji is a surrogate pair')
})
