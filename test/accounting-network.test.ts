import t from 'tap'
import { mkdirSync } from 'node:fs'
import { converged, folder, founder, joiner, testnet } from './helpers/cluster.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { log } from '../src/commands/log.js'
import { endorse } from '../src/commands/endorse.js'
import { entries } from '../src/commands/entries.js'
import { income } from '../src/commands/income.js'
import { paid } from '../src/commands/paid.js'
import { statement } from '../src/commands/statement.js'
import { report } from '../src/commands/report.js'
import { exportBooks } from '../src/commands/export.js'
import { rules } from '../src/commands/rules.js'
import { amend } from '../src/commands/amend.js'
import { evaluatePeriod } from '../src/commands/evaluate.js'
import type { DiscoNode } from '../src/node/node.js'
import { bookTotals } from './helpers/books-tools.js'

/** The done-when of the accounting work: three members, rules by proposal, endorsed work, income,
 * a distribution and its payment; every node prints the same statement and the same books, and
 * the real hledger and bean-check accept them with the report's totals. */
t.test('three members: rules, endorsements, income, a distribution and its payment agree on every node and in the books', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network, 'Ana')
  const bo = await joiner(t, network, ana, 'Bo')
  const cy = await joiner(t, network, ana, 'Cy')
  const nodes = [ana, bo, cy]
  await converged(nodes)
  const pass = async (by: DiscoNode, input: Parameters<typeof propose>[1], voters: DiscoNode[]): Promise<string> => {
    const p = (await propose(by, input)).proposal
    let status = p.status
    for (const v of voters) {
      await converged(nodes)
      if (status === 'open') status = (await vote(v, { id: p.shortId, choice: 'yes' })).proposal.status
    }
    await converged(nodes)
    t.equal(status, 'passed', `${input.kind} passed`)
    return p.id
  }
  await pass(ana, { kind: 'role', member: 'Bo', role: 'member' }, [ana])
  await pass(ana, { kind: 'role', member: 'Cy', role: 'member' }, [ana, bo])

  // Bo changes the rules: endorsement needed, love counts double
  await pass(bo, { kind: 'rules', rules: { needsEndorsement: 'yes', rate: ['love=2'] }, text: 'peer review, and love counts double' }, [ana, bo, cy])
  for (const n of nodes) t.match((await rules(n)).current, { version: 1, rules: { needsEndorsement: true, rate: { love: 2 } } })

  // October's work, and endorsements from peers
  const a1 = (await log(ana, { stream: 'livelihood', duration: '10h', date: '2026-10-05', amount: '1200', currency: 'EUR', client: 'Acme' })).entry
  const a2 = (await log(ana, { stream: 'care', duration: '2h', date: '2026-10-06' })).entry
  const b1 = (await log(bo, { stream: 'livelihood', duration: '6h', date: '2026-10-07', client: 'Acme' })).entry
  const b2 = (await log(bo, { stream: 'care', duration: '6h', date: '2026-10-08' })).entry
  const c1 = (await log(cy, { stream: 'love', duration: '5h', date: '2026-10-09', commons: 'wiki' })).entry
  await log(cy, { stream: 'love', duration: '1h', date: '2026-10-10', commons: 'wiki', description: 'nobody endorses this one' })
  await converged(nodes)
  await t.rejects(endorse(ana, { id: a1.shortId }), { code: 'OWN_ENTRY' }, 'nobody endorses their own entry')
  await endorse(bo, { id: a1.shortId })
  await endorse(cy, { id: a2.shortId })
  await endorse(ana, { id: b1.shortId })
  await endorse(cy, { id: b2.shortId })
  await endorse(ana, { id: c1.shortId })
  await t.rejects(endorse(ana, { id: c1.shortId }), { code: 'ALREADY_ENDORSED' })
  await converged(nodes)
  t.equal((await entries(bo, { unendorsed: true })).entries.length, 1, 'one entry still awaits a peer')

  // income, with the errors a treasurer would make
  await t.rejects(income(ana, { amount: '1.234', currency: 'EUR', from: 'Acme' }), { code: 'INVALID_AMOUNT' })
  await t.rejects(income(ana, { amount: '-5', currency: 'EUR', from: 'Acme' }), { code: 'INVALID_AMOUNT' })
  await t.rejects(income(ana, { amount: '5', currency: 'EURO', from: 'Acme' }), { code: 'UNKNOWN_CURRENCY' })
  await income(ana, { amount: '2500.00', currency: 'EUR', from: 'Acme Co-op', date: '2026-10-20', message: 'invoice 7' })
  await income(bo, { amount: '80000', currency: 'JPY', from: 'Kobo "Tokyo"', date: '2026-10-22' })

  // October is distributed, once
  await pass(cy, { kind: 'distribute', month: '2026-10', amount: '1000.00', currency: 'EUR' }, [ana, bo, cy])
  await t.rejects(propose(bo, { kind: 'distribute', month: '2026-10', amount: '5', currency: 'EUR' }), { code: 'MONTH_DISTRIBUTED' })
  await paid(bo, { month: '2026-10', reference: 'SEPA batch 7', date: '2026-11-03' })
  await converged(nodes)
  await t.rejects(paid(ana, { month: '2026-10', reference: 'again' }), { code: 'ALREADY_PAID' })

  const printed = await Promise.all(nodes.map(async n => JSON.stringify(await statement(n, { month: '2026-10' }))))
  t.equal(printed[1], printed[0], "Bo's node prints Ana's statement, byte for byte")
  t.equal(printed[2], printed[0], "and Cy's")
  const [s] = (await statement(cy, { month: '2026-10' })).statements
  t.equal(s?.rulesVersion, 1)
  t.equal(s?.entries, 5, 'the unendorsed entry earned nothing')
  t.equal(s?.lines.reduce((sum, l) => sum + l.total, 0), 100_000, 'the payouts sum to the pool')
  t.match(s?.paid, { date: '2026-11-03', reference: 'SEPA batch 7' })

  // the books: the same on every node, accepted by the real tools, with the report's totals
  const r = await report(ana, { from: '2026-10-01', to: '2026-11-30' })
  mkdirSync(folder(t, 'books'))
  for (const format of ['hledger', 'beancount'] as const) {
    const books = await Promise.all(nodes.map(async n => (await exportBooks(n, { format, from: '2026-10-01', to: '2026-11-30' })).content))
    t.equal(books[1], books[0], `${format}: the same books on Bo's node`)
    t.equal(books[2], books[0], `${format}: and on Cy's`)
    const totals = await bookTotals(format, books[0] as string, folder(t, 'books'))
    t.same(totals.income, Object.fromEntries(r.total.income.map(m => [m.currency, -Number(m.amount)])), `${format}: income equals the report's`)
    t.same(totals.distribution, Object.fromEntries(r.total.payouts.map(m => [m.currency, Number(m.amount)])), `${format}: distributions equal the report's payouts`)
    t.same(totals.payable, {}, `${format}: everything distributed was paid`)
    t.same(totals.bank, { EUR: 250_000 - 100_000, JPY: 80_000 })
    t.same(totals.work, { MINUTES: r.total.minutes, CREDITS: r.total.credits }, `${format}: the work's minutes and credits are the report's`)
  }

  // issue 22: a quarterly quota of 400 credits and words as output, by proposal; Cy translates
  // 5,000 words for October; Bo amends an October entry after the statement. The quarter's
  // evaluation and October's statement, with its late changes, are the same on every node.
  await pass(ana, { kind: 'rules', rules: { quota: ['member=400h'], quotaPeriod: 'quarter', unit: ['words=4800/1000'] } }, [ana, bo, cy])
  const c3 = (await log(cy, { stream: 'love', quantity: '5000', unit: 'words', date: '2026-10-12', commons: 'wiki' })).entry
  await t.rejects(log(cy, { stream: 'love', quantity: '3', unit: 'pages' }), { code: 'UNKNOWN_UNIT' }, 'a unit the rules do not name')
  await converged(nodes)
  await endorse(ana, { id: c3.shortId })
  await amend(bo, { id: b2.shortId, description: 'care rota' })
  await converged(nodes)
  const evaluations = await Promise.all(nodes.map(async n => JSON.stringify(await evaluatePeriod(n, { period: '2026-Q4' }))))
  t.equal(evaluations[1], evaluations[0], "Bo's node evaluates the quarter as Ana's does")
  t.equal(evaluations[2], evaluations[0], "and Cy's")
  const q4 = await evaluatePeriod(cy, { period: '2026-Q4' })
  t.same(q4.rows.map(row => [row.name, row.quota, row.met]), [['Ana', '24000', false], ['Bo', '24000', false], ['Cy', '24000', true]], "Cy's 5,000 words meet her 400 credits")
  const again = await Promise.all(nodes.map(async n => JSON.stringify(await statement(n, { month: '2026-10' }))))
  t.equal(again[1], again[0], 'the statement with its late changes, the same on every node')
  t.equal(again[2], again[0])
  const [late] = (await statement(ana, { month: '2026-10' })).statements
  t.same(late?.late.map(l => [l.kind, l.byName, l.effect]).sort(), [['amended', 'Bo', '-360'], ['endorsed', 'Ana', '24000'], ['logged', 'Cy', '0']],
    'who changed what, and by how many credits: an unendorsed entry earns none yet, the amend undid an endorsement')
})
