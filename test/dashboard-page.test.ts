import t from 'tap'
import fc from 'fast-check'
import { IntlMessageFormat } from 'intl-messageformat'
import { parse, TYPE } from '@formatjs/icu-messageformat-parser'
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { DiscoError } from '../src/errors.js'
import { MESSAGES, renderError } from '../src/error-messages.js'
import type { ErrorParams } from '../src/error-messages.js'
import { SPANISH_CODES, renderErrorEs } from '../src/error-messages-es.js'
import { formatAmount } from '../src/ledger/currency.js'
import { formatMinutes } from '../src/ledger/duration.js'
import { PROPOSAL_KINDS } from '../src/ledger/governance.js'
import { DEFAULT_RULES } from '../src/ledger/rules.js'
import { queryInput } from '../src/web/api.js'
import { amountText, creditsText, dayText, durationText, lastTwelve, momentText, monthText } from '../web/page/format.js'
import { PROPOSE_FIELDS, amendInput, incomeInput, logInput, paidInput, proposeInput, retractInput, voteInput } from '../web/page/forms.js'
import { pickLocale } from '../web/page/locale.js'
import { EN } from '../web/page/messages-en.js'
import type { MessageKey } from '../web/page/messages-en.js'
import { ES } from '../web/page/messages-es.js'
import { parseRoute, routeHref } from '../web/page/route.js'
import { seeds } from './helpers/seeds.js'

/**
 * The dashboard's pure parts, as the page uses them (web/page/): its formatters are the CLI's, its
 * forms refuse what the CLI refuses with the CLI's words, its catalogues say every message in both
 * languages with the same placeholders, and the Spanish error catalogue says each code it has.
 */

/** what a function throws, as a DiscoError (or null when it does not throw) */
function refusal (f: () => unknown): DiscoError | null {
  try { f() } catch (err) { if (err instanceof DiscoError) return err; throw err }
  return null
}

t.test('durations are the CLI\'s: 125 minutes is 2h05m', async t => {
  t.equal(durationText(125), '2h05m')
  t.equal(durationText(60), '1h')
  t.equal(durationText(45), '45m')
  t.equal(durationText(0), '0m')
  for (const seed of seeds(t, [1, 2, 3])) {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), m => durationText(m) === formatMinutes(m)), { seed, numRuns: 200 })
  }
})

t.test('amounts are exact, with the ledger\'s decimals and the locale\'s mark', async t => {
  t.equal(amountText({ amount: 12050, currency: 'EUR' }, 'en'), '120.50')
  t.equal(amountText({ amount: 12050, currency: 'EUR' }, 'es'), '120,50')
  t.equal(amountText({ amount: 500, currency: 'JPY' }, 'en'), '500', 'no minor unit')
  t.equal(amountText({ amount: 1234, currency: 'BHD' }, 'es'), '1,234', 'three decimals (BHD), from the ledger\'s table')
  t.equal(amountText({ amount: '123456789012345678901', currency: 'EUR' }, 'en'), '1234567890123456789.01', 'past 2^53, exact')
  for (const seed of seeds(t, [4, 5])) {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (n, currency) =>
      amountText({ amount: n, currency }, 'es').replace(',', '.') === formatAmount({ amount: n, currency })), { seed, numRuns: 200 })
  }
  t.equal(creditsText('1234567', 'en'), '1,234,567')
  t.equal(creditsText('123456789012345678901234', 'en'), '123,456,789,012,345,678,901,234', 'credits past 2^53 stay exact')
})

t.test('dates and months in the locale\'s words, in UTC as the ledger keeps time', async t => {
  t.equal(dayText('2026-11-05', 'en'), 'Nov 5, 2026')
  t.equal(dayText('2026-11-05', 'es'), '5 nov 2026')
  t.equal(monthText('2026-11', 'es'), 'noviembre de 2026')
  t.match(momentText(Date.UTC(2026, 10, 5, 23, 30), 'en'), /Nov 5, 2026.*23:30.*UTC/)
  t.same(lastTwelve('2026-02'), ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
})

t.test('the log form: the command\'s input, refused as the handler refuses it', async t => {
  t.same(logInput({ stream: 'livelihood', duration: '1h15m', description: ' site ', tags: 'web, test,', client: 'Acme', amount: '80.25', currency: 'EUR', commons: 'x' }),
    { stream: 'livelihood', duration: '1h15m', description: 'site', tags: ['web', 'test'], client: 'Acme', amount: '80.25', currency: 'EUR' }, 'only the stream\'s own fields')
  t.same(logInput({ stream: 'care', duration: '30m', client: 'Acme' }), { stream: 'care', duration: '30m', for: 'collective' }, 'care is for the collective unless said')
  t.same(logInput({ stream: 'love', duration: '2h', commons: 'wiki', date: '' }), { stream: 'love', duration: '2h', commons: 'wiki' }, 'empty fields are absent')
  t.same(logInput({ stream: 'love', quantity: '5000', unit: 'words' }), { stream: 'love', quantity: '5000', unit: 'words' }, 'an output stands for a duration')
  const cases: Array<[Record<string, string>, string]> = [
    [{ stream: 'love', duration: '1h', unit: 'words' }, '--unit needs --quantity, e.g. --quantity 5000 --unit words'],
    [{ stream: 'love', duration: '3 hours' }, 'invalid duration "3 hours": expected e.g. 3h, 90m, 1h30m, 1.5h or 2:30'],
    [{ stream: 'love' }, 'a duration is required, e.g. 3h or 90m (or an output: --quantity 5000 --unit words)'],
    [{ stream: 'love', duration: '2h', date: '2026-02-30' }, 'invalid date "2026-02-30": no such day'],
    [{ stream: 'livelihood', duration: '1h', amount: '12.345', currency: 'EUR' }, 'invalid amount "12.345": EUR has 2 decimal places'],
    [{ stream: 'livelihood', duration: '1h', amount: '12' }, '--amount needs --currency, e.g. --currency EUR'],
    [{ stream: 'work', duration: '1h' }, 'invalid stream "work": expected livelihood, love or care']
  ]
  for (const [fields, message] of cases) t.equal(refusal(() => logInput(fields))?.message, message, message)
})

t.test('amend, retract, income, paid, vote: the forms as the commands take them', async t => {
  t.same(amendInput('abc-1-0', { id: 'abc-1-0', duration: '2h', description: '', project: 'zine' }), { id: 'abc-1-0', duration: '2h', project: 'zine' })
  t.equal(refusal(() => amendInput('abc-1-0', { id: 'abc-1-0' }))?.code, 'EMPTY_AMEND', 'an amend that changes nothing')
  t.equal(refusal(() => amendInput('abc-1-0', { duration: '61m0' }))?.code, 'INVALID_DURATION')
  t.same(amendInput('abc-1-0', { quantity: '3000', unit: 'words' }), { id: 'abc-1-0', quantity: '3000', unit: 'words' }, 'an output, as --quantity and --unit')
  t.equal(refusal(() => amendInput('abc-1-0', { quantity: '30x', unit: 'words' }))?.code, 'INVALID_FIELD')
  t.same(retractInput('abc-1-0', { reason: ' twice ' }), { id: 'abc-1-0', reason: 'twice' })
  t.same(retractInput('abc-1-0', { reason: '' }), { id: 'abc-1-0' })
  t.same(incomeInput({ amount: '1200.00', currency: 'EUR', from: 'Acme', date: '' }), { amount: '1200.00', currency: 'EUR', from: 'Acme' })
  t.equal(refusal(() => incomeInput({ amount: '1,200', currency: 'EUR', from: 'Acme' }))?.message, 'invalid amount "1,200": expected a plain decimal number such as 120.50')
  t.equal(refusal(() => incomeInput({ amount: '12', currency: 'EURO', from: 'Acme' }))?.code, 'UNKNOWN_CURRENCY')
  t.same(paidInput({ month: '2026-10', reference: 'transfer 7', date: '2026-11-02' }), { month: '2026-10', reference: 'transfer 7', date: '2026-11-02' })
  t.equal(refusal(() => paidInput({ month: '2026-13', reference: 'x' }))?.code, 'INVALID_PERIOD')
  t.same(paidInput({ month: '2026-q4', reference: 'transfer 8' }), { month: '2026-q4', reference: 'transfer 8' }, 'a quarter, as disco paid takes it')
  t.same(voteInput('p-1', 'yes', '  agreed  '), { id: 'p-1', choice: 'yes', reason: 'agreed' })
  t.same(voteInput('p-1', 'no', ''), { id: 'p-1', choice: 'no' })
})

t.test('the propose form: one table entry per kind of the ledger', async t => {
  t.same(Object.keys(PROPOSE_FIELDS).sort(), [...PROPOSAL_KINDS].sort(), 'every kind has its fields')
  for (const kind of PROPOSAL_KINDS) {
    t.ok((EN as Record<string, string>)[`kind.${kind}`], `${kind}: a name in the catalogue`)
    for (const f of PROPOSE_FIELDS[kind]) t.ok((EN as Record<string, string>)[f.label], `${kind}.${f.name}: a label`)
  }
  t.same(proposeInput('motion', { text: ' Thursdays ', deadline: '', all: 'on' }), { kind: 'motion', text: 'Thursdays', all: true })
  t.same(proposeInput('distribute', { month: '2026-10', amount: '1000.00', currency: 'EUR' }), { kind: 'distribute', month: '2026-10', amount: '1000.00', currency: 'EUR' })
  t.same(proposeInput('trust', { federate: 'Coop C', value: '70', stage: '' }), { kind: 'trust', federate: 'Coop C', value: 70 })
  t.same(proposeInput('indexers', { devices: 'aabbccdd, 11223344' }), { kind: 'indexers', devices: ['aabbccdd', '11223344'] })
  t.same(proposeInput('rules', { 'rules.rate': 'love=2', 'rules.needsEndorsement': 'yes' }, DEFAULT_RULES), { kind: 'rules', rules: { rate: ['love=2'], needsEndorsement: 'yes' } })
  t.same(proposeInput('admit', { device: 'ab'.repeat(32), name: 'Dee', role: 'member' }), { kind: 'admit', device: 'ab'.repeat(32), name: 'Dee', role: 'member' })
  // a number refused in the words the web API uses for one in a query
  const web = refusal(() => queryInput(new URLSearchParams('days=weekly'), { days: 'number' }))
  t.equal(refusal(() => proposeInput('checkins', { days: 'weekly' }))?.message, web?.message, `a bad number: "${web?.message ?? ''}"`)
  t.equal(refusal(() => proposeInput('distribute', { month: '2026-10', amount: '0', currency: 'EUR' }))?.message, 'invalid amount "0": the pool must be more than nothing')
  t.equal(refusal(() => proposeInput('distribute', { month: 'October', amount: '10', currency: 'EUR' }))?.code, 'INVALID_PERIOD')
  t.same(proposeInput('distribute', { month: '2026-Q4', amount: '10', currency: 'EUR' }), { kind: 'distribute', month: '2026-Q4', amount: '10', currency: 'EUR' }, 'a quarter')
  // the accounting rules of issue 22 and onboarding stages, as disco propose takes them
  t.same(proposeInput('onboarding', { member: 'Cy', stage: '2' }), { kind: 'onboarding', member: 'Cy', stage: 2 })
  t.same(proposeInput('rules', { 'rules.stages': '0/100/0,50/100/0', 'rules.care': 'dater=recorded', 'rules.quota': 'member=400h, dater=400h', 'rules.quotaPeriod': 'quarter', 'rules.unit': 'words=4800/1000', 'rules.cap': '3000.00 EUR', 'rules.capExcess': 'keep', 'rules.period': 'month' }, DEFAULT_RULES), {
    kind: 'rules',
    rules: { stages: '0/100/0,50/100/0', care: ['dater=recorded'], quota: ['member=400h', 'dater=400h'], quotaPeriod: 'quarter', unit: ['words=4800/1000'], cap: '3000.00 EUR', capExcess: 'keep', period: 'month' }
  })
  t.equal(refusal(() => proposeInput('rules', { 'rules.care': 'dater=sometimes' }, DEFAULT_RULES))?.code, 'INVALID_ARGUMENT', 'a bad rule refused as the CLI refuses it')
  t.equal(refusal(() => proposeInput('rules', { 'rules.split': '50/50' }, DEFAULT_RULES))?.message, '--split takes three weights, livelihood/love/care, e.g. 50/30/20, not "50/50"', 'rules: the CLI\'s words')
  t.equal(refusal(() => proposeInput('rules', {}, DEFAULT_RULES))?.message, 'name at least one rule to change (see disco propose rules --help)')
})

/** the argument names a message uses (plural, select and simple ones) */
function argumentsOf (elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value)
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value)
      for (const o of Object.values(e.options)) argumentsOf(o.value, into)
    }
  }
  return into
}

t.test('the catalogues: every key in both, each parses, with the same placeholders', async t => {
  t.same(Object.keys(ES).sort(), Object.keys(EN).sort(), 'the same keys')
  for (const key of Object.keys(EN) as MessageKey[]) {
    const en = argumentsOf(parse(EN[key]))
    const es = argumentsOf(parse(ES[key]))
    t.same([...es].sort(), [...en].sort(), `${key}: the same placeholders`)
  }
  const untranslated = (Object.keys(EN) as MessageKey[]).filter(k => EN[k] === ES[k] && /[a-z]{4,}/i.test(EN[k].replace(/\{[^}]*\}/g, '')))
  t.same(untranslated, ['common.total'], 'no English left in the Spanish catalogue (but "total", a word of both)')
  t.equal(new IntlMessageFormat(ES['ledger.count'], 'es').format({ n: 1 }), '1 entrada')
  t.equal(new IntlMessageFormat(ES['ledger.count'], 'es').format({ n: 3 }), '3 entradas')
  t.equal(new IntlMessageFormat(EN['ledger.more'], 'en').format({ n: 1500 }), 'the most recent 1,500 entries: choose a month or a member to see older ones')
})

t.test('the Spanish error catalogue says each of its codes, with the same params', async t => {
  const samples: Record<string, ErrorParams> = {
    INVALID_DURATION: { text: '3 hours', reason: 'format' },
    INVALID_DATE: { text: '2026-02-30', reason: 'no-such-day' },
    INVALID_AMOUNT: { text: '12.345', reason: 'decimals', currency: 'EUR', places: 2 },
    INVALID_FIELD: { field: 'days', reason: 'not-whole', value: 'weekly' },
    NOT_ALLOWED: { role: 'supporter', action: 'propose' },
    CLOSE_TOO_EARLY: { id: 'abc', until: 0, now: 0 },
    DEADLINE_TOO_SOON: { deadline: 0, earliest: 0 },
    NOT_CONFIRMED: { timeoutMs: 5000 }
  }
  for (const code of SPANISH_CODES) {
    const params: ErrorParams = samples[code] ?? { text: 'x', id: 'abc', month: '2026-10', field: 'f', max: 3, count: 2, status: 'passed', name: 'C', length: 4, op: 'o', storage: '/s', code: 'EURO' }
    const es = renderErrorEs(code, params)
    t.not(es, renderError(code, params), `${code}: in Spanish ("${es}")`)
    t.notMatch(es, /^[A-Z_]+ \{/, `${code}: a sentence, not the code`)
  }
  t.equal(renderErrorEs('INVALID_DURATION', { text: '3 horas', reason: 'format' }), 'duración no válida "3 horas": se espera p. ej. 3h, 90m, 1h30m, 1.5h o 2:30')
  t.equal(renderErrorEs('INVALID_DURATION', { text: 'x', reason: 'clockify-hms' }), MESSAGES.INVALID_DURATION({ text: 'x', reason: 'clockify-hms' }), 'a reason not translated reads in English, whole')
  t.equal(renderErrorEs('NO_SUCH_CODE', {}), renderError('NO_SUCH_CODE', {}), 'an unknown code as the English catalogue says it')
})

t.test('the page\'s language: the member\'s pick, else the browser\'s', async t => {
  t.equal(pickLocale(null, ['es-AR', 'en']), 'es')
  t.equal(pickLocale(null, ['fr-FR', 'en-GB']), 'en')
  t.equal(pickLocale(null, ['fr']), 'en', 'English when the page has none of them')
  t.equal(pickLocale('en', ['es']), 'en', 'the switch wins')
  t.equal(pickLocale('klingon', ['es']), 'es', 'a stored pick the page does not have is ignored')
})

t.test('the page\'s address: a page and its filters', async t => {
  const r = parseRoute('#ledger?month=2026-11&member=ab12')
  t.equal(r.page, 'ledger')
  t.equal(r.params.get('month'), '2026-11')
  t.equal(parseRoute('#nowhere').page, 'overview')
  t.equal(parseRoute('').page, 'overview')
  t.equal(routeHref('ledger', { month: '2026-11', stream: 'love', member: '' }), '#ledger?month=2026-11&stream=love')
})
