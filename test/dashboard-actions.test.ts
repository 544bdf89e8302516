import t from 'tap'
import type { Test } from 'tap'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { DiscoNode } from '../src/node/node.js'
import { dispatch } from '../src/service/handlers.js'
import type { CommandName, CommandOutput } from '../src/service/handlers.js'
import { DashboardServer } from '../src/web/server.js'
import { DiscoError } from '../src/errors.js'
import { renderErrorEs } from '../src/error-messages-es.js'
import { EN } from '../web/page/messages-en.js'
import type { MessageKey } from '../web/page/messages-en.js'
import { ES } from '../web/page/messages-es.js'
import { PAGES } from '../web/page/route.js'
import { converged, founder, joiner, testnet } from './helpers/cluster.js'
import { openBrowser, openDashboardPage, collectPageErrors } from './helpers/browser.js'
import { root } from './helpers/processes.js'

/**
 * A member runs a month from the dashboard alone, with the keyboard alone (Tab to reach a field
 * or a button, typing, Enter or Space): log, endorse, amend, retract, propose and vote with a
 * reason, try to close, record income, propose a distribution, read its statement, mark it paid,
 * check in. A cooperative of three members on a loopback testnet, Ana's node serving the page;
 * each action is checked on the other two nodes through the handlers the CLI calls. Then every
 * page: axe-core finds no serious violation, and in Spanish no English sentence of the catalogue
 * is left. DISCO_DOCS_SCREENSHOTS=1 saves each page in both languages under docs/screenshots/ (the
 * README's). Waits are for a condition, never for a time.
 */

const WAIT = 20_000
// three nodes, a dozen actions, every page twice: more than .taprc's 120 s on a busy machine (the
// browser tier gives each file 240 s, test/tiers.json)
t.setTimeout(240_000)
const now = new Date()
const pad = (n: number): string => String(n).padStart(2, '0')
const LAST_MONTH = (() => { const d = new Date(now.getFullYear(), now.getMonth() - 1, 1); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}` })()

const call = async <K extends CommandName>(node: DiscoNode, name: K, input: object): Promise<CommandOutput<K>> =>
  await dispatch(node, name, input, { running: true, progress: () => {} })

const network = await testnet(t)
const ana = await founder(t, network, 'Ana')
const bo = await joiner(t, network, ana, 'Bo', 'contributor')
const cy = await joiner(t, network, ana, 'Cy', 'contributor')
const all = [ana, bo, cy]
/** a proposal every member present votes yes to */
async function passed (input: object, voters: DiscoNode[]): Promise<void> {
  const p = (await call(ana, 'propose', input)).proposal
  await converged(all)
  for (const node of voters) if ((await call(node, 'proposals', { open: true })).proposals.some(x => x.id === p.id)) await call(node, 'vote', { id: p.id, choice: 'yes' })
  await converged(all)
}
// members are admitted by proposal: Bo and Cy join as contributors and become members
await converged(all)
await passed({ kind: 'role', member: 'Bo', role: 'member' }, [ana])
await passed({ kind: 'role', member: 'Cy', role: 'member' }, [ana, bo])
// last month's work, to distribute; an entry of Bo's for Ana to endorse
await call(ana, 'log', { stream: 'love', duration: '4h', date: `${LAST_MONTH}-10`, description: 'zine layout' })
await call(bo, 'log', { stream: 'care', duration: '2h', date: `${LAST_MONTH}-12`, description: 'onboarding' })
const boEntry = await call(bo, 'log', { stream: 'love', duration: '1h30m', description: 'proofreading' })
const twice = await call(ana, 'log', { stream: 'love', duration: '1h', description: 'logged twice' })
await converged(all)

const dashboard = new DashboardServer(ana, { port: 0 })
await dashboard.listen()
t.teardown(async () => { await dashboard.close() })

const browser = await openBrowser(t)
const page = await browser.newPage()
// a refused request (the bad-input tests' 400s) is the browser logging it; anything else is a fault
const pageErrors = collectPageErrors(page)
await page.goto(dashboard.urls()[0] as string)
await page.waitForSelector('body[data-loaded]', { timeout: WAIT })

async function open (p: Page, name: string): Promise<void> {
  await openDashboardPage(p, name, WAIT)
}

/** Tab from the start of the content (where the skip link puts the focus; the header for the
 * language switch) until the element is focused: it is reachable by keyboard. */
async function tabTo (selector: string): Promise<void> {
  await page.focus(selector === '#lang' ? 'a.skip' : '#main')
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${selector}: not reachable with the Tab key`)
}

/** Tab to a text field and type into it. */
async function typeIn (selector: string, text: string): Promise<void> {
  await tabTo(selector)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(text)
}

/** Tab to a select and choose with the arrow keys. */
async function choose (selector: string, value: string): Promise<void> {
  await tabTo(selector)
  await page.keyboard.press('Home')
  for (let i = 0; i < 40; i++) {
    if (await page.$eval(selector, s => (s as HTMLSelectElement).value) === value) return
    await page.keyboard.press('ArrowDown')
  }
  throw new Error(`${selector}: no option ${value}`)
}

/** Wait for the status (or alert) paragraph to show, and return its text. */
async function shown (selector: string): Promise<string> {
  try {
    await page.waitForSelector(`${selector}:not([hidden])`, { timeout: WAIT })
  } catch (err) {
    const said = await page.evaluate(() => [...document.querySelectorAll('.error:not([hidden])')].map(e => e.textContent).join(' | '))
    throw new Error(`${selector} did not show (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '')}; errors shown: ${said}): ${(err as Error).message}`)
  }
  return await page.textContent(selector) ?? ''
}

t.test('the first Tab reaches the skip link; Enter puts the focus on the content, on the same page', async t => {
  await open(page, 'ledger')
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0) })
  await page.focus('body')
  await page.keyboard.press('Tab')
  t.equal(await page.evaluate(() => document.activeElement?.className), 'skip')
  await page.keyboard.press('Enter')
  t.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  t.equal(await page.evaluate(() => location.hash), '#ledger', 'the route stays')
})

t.test('log work with the keyboard: the other nodes have it', async t => {
  await open(page, 'log')
  await choose('#log-form select[name=stream]', 'care')
  await typeIn('#log-form input[name=duration]', '1h15m')
  await typeIn('#log-form input[name=description]', 'weekly call notes')
  await page.keyboard.press('Enter')
  const done = await shown('#log-done')
  t.match(done, /^logged: .*, care 1h15m on /, `the page says "${done}"`)
  const id = await page.$eval('#log-done', e => e.getAttribute('data-id') ?? '')
  await converged(all)
  const onBo = (await call(bo, 'entries', {})).entries.find(e => e.id === id)
  t.match(onBo, { stream: 'care', minutes: 75, description: 'weekly call notes', memberName: 'Ana', careFor: 'collective' }, 'Bo\'s node has the entry')
})

t.test('endorse, amend, retract from the ledger, with the keyboard', async t => {
  await open(page, 'ledger')
  const latest = (await call(ana, 'entries', { member: 'Ana' })).entries.find(e => e.description === 'weekly call notes')
  const older = twice.entry
  t.ok(latest !== undefined)
  // endorse Bo's entry
  await tabTo(`#ledger-table tr[data-id="${boEntry.entry.id}"] button[data-action=endorse]`)
  await page.keyboard.press('Enter')
  t.match(await shown('#ledger-done'), `endorsed: ${boEntry.entry.shortId}`)
  // amend her own: 125 minutes, written as the CLI writes them
  await tabTo(`#ledger-table tr[data-id="${latest?.id ?? ''}"] button[data-action=amend]`)
  await page.keyboard.press('Enter')
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'duration', 'the focus moves to the form')
  await page.keyboard.type('125m')
  await page.keyboard.press('Enter')
  await page.waitForFunction(id => document.querySelector(`#ledger-table tr[data-id="${id}"] [data-minutes]`)?.textContent === '2h05m', latest?.id, { timeout: WAIT })
  t.pass('the ledger shows 2h05m, as the CLI writes it')
  // retract another, with a reason
  await tabTo(`#ledger-table tr[data-id="${older?.id ?? ''}"] button[data-action=retract]`)
  await page.keyboard.press('Space')
  await page.keyboard.type('logged in the wrong month')
  await page.keyboard.press('Enter')
  await page.waitForSelector(`#ledger-table tr[data-id="${older?.id ?? ''}"].retracted`, { timeout: WAIT })
  await converged(all)
  const onCy = new Map((await call(cy, 'entries', {})).entries.map(e => [e.id, e]))
  t.same(onCy.get(boEntry.entry.id)?.endorsedBy.length, 1, 'Cy\'s node: Bo\'s entry endorsed')
  t.equal(onCy.get(latest?.id ?? '')?.minutes, 125, 'Cy\'s node: the amended duration')
  t.match(onCy.get(older?.id ?? ''), { status: 'retracted', retractReason: 'logged in the wrong month' }, 'Cy\'s node: retracted, with the reason')
  // a bad amend: the CLI's words, nothing appended
  await tabTo(`#ledger-table tr[data-id="${latest?.id ?? ''}"] button[data-action=amend]`)
  await page.keyboard.press('Enter')
  await page.keyboard.type('3 hours')
  const before = ana.base.length
  await page.keyboard.press('Enter')
  t.equal(await shown('#amend-form .error'), 'invalid duration "3 hours": expected e.g. 3h, 90m, 1h30m, 1.5h or 2:30')
  t.equal(ana.base.length, before, 'nothing appended')
  await page.keyboard.press('Escape')
  t.equal(await page.isVisible('#amend-form'), false, 'Escape closes the form')
})

t.test('propose with the keyboard, vote with a reason; the decision and its reasons in the history', async t => {
  await open(page, 'proposals')
  await choose('#propose-kind', 'motion')
  await typeIn('#propose-form textarea[name=text]', 'Move the weekly call to Thursdays')
  await tabTo('#propose-form button[type=submit]')
  await page.keyboard.press('Enter')
  const done = await shown('#propose-form .done')
  const shortId = /proposed: (\S+) \(open\)/.exec(done)?.[1] ?? ''
  t.not(shortId, '', `the page says "${done}"`)
  const card = `#proposals-list article[data-short-id="${shortId}"]`
  await page.waitForSelector(card, { timeout: WAIT })
  const id = await page.$eval(card, c => c.getAttribute('data-id') ?? '')
  await typeIn(`${card} input[name=reason]`, 'Thursdays suit the carers')
  await tabTo(`${card} button[data-choice=yes]`)
  await page.keyboard.press('Enter')
  t.match(await shown('#proposals-done'), `voted yes on ${shortId} (open)`)
  // closing before its deliberation is over: the CLI's words, nothing appended
  const before = ana.base.length
  await tabTo(`${card} button[data-action=close]`)
  await page.keyboard.press('Enter')
  let expected = ''
  try { await call(ana, 'close', { id }) } catch (err) { expected = (err as DiscoError).message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '') }
  const said = await shown('#proposals-error')
  t.equal(said.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, ''), expected, `close refused as the CLI refuses it: "${said}"`)
  t.equal(ana.base.length, before, 'nothing appended')
  await converged(all)
  await call(bo, 'vote', { id, choice: 'yes', reason: 'fine by me' })
  await call(cy, 'vote', { id, choice: 'no', reason: 'I teach on Thursdays' })
  await converged(all)
  const decided = `#decisions-list article[data-id="${id}"]`
  await page.waitForSelector(decided, { timeout: WAIT })
  const votes = await page.$$eval(`${decided} .votes li`, ls => ls.map(l => l.textContent))
  t.same(votes.sort(), ['Ana: yes — Thursdays suit the carers', 'Bo: yes — fine by me', 'Cy: no — I teach on Thursdays'], 'each vote and its reason')
  t.match(await page.textContent(`${decided} [data-field=decided]`), /^passed on /)
  const onBo = (await call(bo, 'proposals', {})).proposals.find(p => p.id === id)
  t.equal(onBo?.status, 'passed', 'Bo\'s node: passed')
  t.equal(onBo?.votes.find(v => v.name === 'Ana')?.reason, 'Thursdays suit the carers', 'Bo\'s node: Ana\'s reason')
})

t.test('a federation setting through the generic form, and a check-in with no federate', async t => {
  await open(page, 'proposals')
  await choose('#propose-kind', 'checkins')
  await typeIn('#propose-days', 'fortnightly')
  await tabTo('#propose-form button[type=submit]')
  await page.keyboard.press('Enter')
  t.equal(await shown('#propose-form .error'), 'days: must be a whole number, not "fortnightly"', 'a number refused as the web API refuses one')
  await typeIn('#propose-days', '14')
  await tabTo('#propose-form button[type=submit]')
  await page.keyboard.press('Enter')
  const done = await shown('#propose-form .done')
  const shortId = /proposed: (\S+) /.exec(done)?.[1] ?? ''
  await converged(all)
  const onCy = (await call(cy, 'proposals', { open: true })).proposals.find(p => p.shortId === shortId)
  t.match(onCy?.action, { kind: 'checkins', days: 14 }, 'Cy\'s node has the proposal')
  await open(page, 'federation')
  t.equal(await page.isVisible('#checkin-button'), false, 'no check-in button without a federate')
})

t.test('record income, propose a distribution, read its statement, mark it paid', async t => {
  await open(page, 'log')
  await typeIn('#income-form input[name=amount]', '1500.00')
  await typeIn('#income-form input[name=currency]', 'EUR')
  await typeIn('#income-form input[name=from]', 'Acme')
  await page.keyboard.press('Enter')
  t.equal(await shown('#income-form .done'), 'recorded: 1500.00 EUR from Acme')
  await open(page, 'distribution')
  t.equal(await page.isVisible('#statement-none'), true)
  await typeIn('#distribute-form input[name=month]', LAST_MONTH)
  await typeIn('#distribute-form input[name=amount]', '1000.005')
  await typeIn('#distribute-form input[name=currency]', 'EUR')
  await page.keyboard.press('Enter')
  t.equal(await shown('#distribute-form .error'), 'invalid amount "1000.005": EUR has 2 decimal places', 'the CLI\'s words')
  await typeIn('#distribute-form input[name=amount]', '1000.00')
  await page.keyboard.press('Enter')
  const shortId = /proposed: (\S+)/.exec(await shown('#distribute-form .done'))?.[1] ?? ''
  await converged(all)
  const p = (await call(bo, 'proposals', { open: true })).proposals.find(x => x.shortId === shortId)
  t.ok(p, 'Bo\'s node has the distribution proposal')
  for (const node of all) await call(node, 'vote', { id: p?.id, choice: 'yes' })
  await converged(all)
  await page.waitForSelector('#statement-body:not([hidden])', { timeout: WAIT })
  const [s] = (await call(cy, 'statement', { month: LAST_MONTH })).statements
  const rows = await page.$$eval('#statement-table tbody tr', rs => rs.map(r => [r.getAttribute('data-member'), ...[...r.querySelectorAll('[data-amount]')].map(c => Number(c.getAttribute('data-amount')))]))
  t.same(rows, s?.lines.map(l => [l.member, l.amounts.livelihood, l.amounts.love, l.amounts.care, l.total]), 'the statement, to the cent, as Cy\'s node has it')
  await typeIn('#paid-form input[name=month]', LAST_MONTH)
  await typeIn('#paid-form input[name=reference]', 'bank transfer 42')
  await page.keyboard.press('Enter')
  await shown('#paid-form .done')
  await converged(all)
  const [paid] = (await call(bo, 'statement', { month: LAST_MONTH })).statements
  t.match(paid?.paid, { reference: 'bank transfer 42' }, 'Bo\'s node: marked paid')
  await page.waitForFunction(() => /Paid on/.test(document.getElementById('statement-summary')?.textContent ?? ''), null, { timeout: WAIT })
  // the member's own page: what she was paid
  await open(page, 'member')
  const line = s?.lines.find(l => l.name === 'Ana')
  t.equal(await page.getAttribute(`#member-pay li[data-month="${LAST_MONTH}"]`, 'data-amount'), String(line?.total), 'her page: what the month paid her')
})

/** the English sentences of the catalogue a Spanish page must not show (those with no placeholder) */
const ENGLISH = (Object.keys(EN) as MessageKey[]).filter(k => EN[k] !== ES[k] && !EN[k].includes('{') && EN[k].length >= 5).map(k => EN[k])

/** DISCO_DOCS_SCREENSHOTS=1: save each page's top, small, for the README (docs/screenshots/) */
async function screenshot (name: string): Promise<void> {
  if (process.env.DISCO_DOCS_SCREENSHOTS !== '1') return
  const dir = path.join(root, 'docs', 'screenshots')
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
}

async function axe (t: Test): Promise<void> {
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string, impact: string, nodes: Array<{ target: string[] }> }> }> } }).axe.run
    const r = await run(document, { resultTypes: ['violations'] })
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
  })
  t.same(violations, [], 'axe: no serious or critical violation')
}

t.test('every page in both languages: accessible, and all Spanish in Spanish', async t => {
  // axe-core, injected through the debugging protocol (the page's CSP rightly refuses inline scripts)
  const axeSource = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
  await page.setViewportSize({ width: 1100, height: 760 })
  for (const lang of ['en', 'es'] as const) {
    await open(page, 'overview')
    await choose('#lang', lang)
    await page.waitForSelector(`body[data-loaded="overview"][data-lang="${lang}"]`, { timeout: WAIT })
    t.equal(await page.getAttribute('html', 'lang'), lang, `<html lang="${lang}">`)
    for (const name of PAGES) {
      await open(page, name)
      await page.evaluate(axeSource)
      await t.test(`${name} (${lang})`, async t => {
        // the markup is the same in both languages: axe once per page (it takes a second or two)
        if (lang === 'en') await axe(t)
        if (lang === 'es') {
          // what a reader gets: the text shown, and the labels, placeholders and titles of what is shown
          const texts = await page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('[aria-label],[placeholder],[title]')].filter(e => e.checkVisibility()).flatMap(e => ['aria-label', 'placeholder', 'title'].map(a => e.getAttribute(a) ?? ''))].join('\n'))
          // as whole words: "Cancel" is left in "Cancelar" only by chance
          const left = ENGLISH.filter(s => new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(texts))
          t.same(left, [], 'no English sentence of the catalogue left')
          t.equal(await page.title(), 'Coop — panel')
        }
      })
      await screenshot(`${name}.${lang}`)
    }
  }
  // a refusal in Spanish: the error catalogue's words
  await open(page, 'log')
  await typeIn('#log-form input[name=duration]', '3 horas')
  await page.keyboard.press('Enter')
  t.equal(await shown('#log-error'), renderErrorEs('INVALID_DURATION', { text: '3 horas', reason: 'format' }), 'the CLI\'s error, in Spanish')
  await choose('#lang', 'en')
  await page.waitForSelector('body[data-lang="en"]', { timeout: WAIT })
})

t.test('the page raised no script errors', async t => {
  t.same(pageErrors, [])
})
