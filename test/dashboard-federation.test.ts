import t from 'tap'
import crypto from 'node:crypto'
import http from 'node:http'
import hcrypto from 'hypercore-crypto'
import type { Page } from 'playwright-core'
import type { DiscoNode } from '../src/node/node.js'
import { dispatch } from '../src/service/handlers.js'
import type { CommandName, CommandOutput } from '../src/service/handlers.js'
import { DashboardServer } from '../src/web/server.js'
import { encodeFederationCode } from '../src/ledger/federation.js'
import { converged, founder, testnet } from './helpers/cluster.js'
import { openBrowser, openDashboardPage, screenshotPath } from './helpers/browser.js'
import { federationUntil, signedCore } from './helpers/federates.js'
import { momentText } from '../web/page/format.js'

/**
 * The dashboard's Federation page in a real browser (Debian's chromium, playwright-core). Ana's
 * one-member cooperative serves the page; Cat's one-member cooperative is its federate, and a bare
 * signed core that cuts and rewrites its past ("Cutter") gives it a dispute. Every figure on the
 * page is checked against the `federation` handler the CLI calls; waits are for a condition.
 */

const WAIT = 15_000

const call = async <K extends CommandName>(node: DiscoNode, name: K, input: object): Promise<CommandOutput<K>> =>
  await dispatch(node, name, input, { running: true, progress: () => {} })

async function passed (node: DiscoNode, input: object): Promise<void> {
  const p = (await call(node, 'propose', input)).proposal
  if (p.status === 'open') await call(node, 'vote', { id: p.id, choice: 'yes' })
}

const network = await testnet(t)
const [ana, cat] = await Promise.all([founder(t, network, 'Ana'), founder(t, network, 'Cat')])

const dashboard = new DashboardServer(ana, { port: 0 })
await dashboard.listen()
t.teardown(async () => { await dashboard.close() })
const base = `http://127.0.0.1:${dashboard.address.port}`

const browser = await openBrowser(t)
const page = await browser.newPage()
const pageErrors: string[] = []
page.on('pageerror', err => pageErrors.push(err.message))
page.on('console', msg => { if (msg.type() === 'error') pageErrors.push(msg.text()) })
await page.goto(dashboard.urls()[0] as string)

async function open (p: Page, name: string): Promise<void> {
  await openDashboardPage(p, name, WAIT)
}

async function get (path: string, headers: Record<string, string> = {}): Promise<{ status: number, body: string }> {
  return await new Promise((resolve, reject) => {
    http.get(base + path, { headers }, res => {
      let text = ''
      res.setEncoding('utf8').on('data', (c: string) => { text += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    }).on('error', reject)
  })
}

t.test('GET /api/federation: 401 without the token, the handler\'s output with it', async t => {
  const code = (await call(ana, 'federation', {})).code
  const refused: Array<Record<string, string>> = [{}, { Authorization: 'Bearer ' + crypto.randomBytes(32).toString('base64url') }, { Cookie: `disco_token_${dashboard.address.port}=wrong` }]
  for (const headers of refused) {
    const r = await get('/api/federation', headers)
    t.equal(r.status, 401, `401 with ${JSON.stringify(Object.keys(headers))}`)
    t.notOk(r.body.includes(code.split(':')[1] as string), 'and nothing of the federation')
  }
  const auth = { Authorization: `Bearer ${dashboard.token}` }
  const ok = await get('/api/federation', auth)
  t.equal(ok.status, 200)
  t.same(JSON.parse(ok.body), await call(ana, 'federation', {}), 'the handler\'s output')
  t.same(JSON.parse((await get('/api/federation?removed=1', auth)).body), await call(ana, 'federation', { removed: true }), 'removed=1 is the --removed flag')
  t.equal((await get('/api/federation?removed=maybe', auth)).status, 400, 'a bad flag is refused')
})

t.test('without a federate the page says so in plain words', async t => {
  await open(page, 'federation')
  t.equal(await page.isVisible('#federation-none'), true)
  t.match(await page.innerText('#federation-none'), /No federated cooperatives yet/)
  t.equal(await page.isVisible('#federation-table'), false, 'no empty table')
  t.equal(await page.isVisible('#disputes-none'), true, 'and no disputes')
  t.equal(await page.locator('#disputes-list li').count(), 0)
  t.equal(await page.$eval('#federation-code', c => c.textContent), (await call(ana, 'federation', {})).code, "this cooperative's own code")
  await page.screenshot({ path: screenshotPath('federation-empty'), fullPage: true })
})

t.test('a page is marked loaded by its own loader, not by the one of the page left while it loaded', async t => {
  // the overview's report requests are held until the member has gone to the Federation page
  const fresh = await browser.newPage()
  let release = (): void => {}
  const released = new Promise<void>(resolve => { release = resolve })
  let held = (): void => {}
  const holding = new Promise<void>(resolve => { held = resolve })
  await fresh.route('**/api/report*', async route => { held(); await released; await route.continue() })
  await fresh.goto(base + '/#overview')
  await holding
  await fresh.evaluate(() => { location.hash = 'federation' })
  release()
  await fresh.waitForSelector('body[data-loaded="federation"]', { timeout: WAIT })
  t.equal(await fresh.isVisible('#federation-none'), true, 'the Federation page is filled in when it says it is loaded')
  await fresh.close()
})

t.test("a federate with check-ins and a dispute: the page's figures equal the handler's", async t => {
  // the page stays open on the empty state: what follows reaches it as live updates
  const codeC = (await call(cat, 'federation-invite', {})).code
  await passed(ana, { kind: 'federate', code: codeC, name: 'Coop C' })
  await passed(ana, { kind: 'trust', federate: 'Coop C', value: 70, stage: 3 })
  const coopC = async () => (await call(ana, 'federation', {})).federates.find(f => f.name === 'Coop C')
  await federationUntil([ana], 'a check-in of Coop C', async () => (await coopC())?.lastCheckin !== null)

  // Coop C writes on after the check-in: the page shows how far behind the check-in is
  await call(cat, 'log', { stream: 'love', duration: '1h', description: 'after the check-in' })
  await converged([cat])
  await federationUntil([ana], 'Coop C past its check-in', async () => (await coopC())?.signedLength === cat.base.core.signedLength && ((await coopC())?.behind ?? 0) > 0)

  // a federate that cuts its signed past and writes on past the check-in: a dispute
  const { core: cutter } = await signedCore(t, network, 'cutter', hcrypto.keyPair(), ['a', 'b', 'c', 'd', 'e'])
  await passed(ana, { kind: 'federate', code: encodeFederationCode({ key: cutter.key, topic: cutter.discoveryKey }), name: 'Cutter' })
  const cutterRow = async () => (await call(ana, 'federation', {})).federates.find(f => f.name === 'Cutter')
  await federationUntil([ana], 'a check-in of the cutter', async () => (await cutterRow())?.lastCheckin?.length === 5)
  await cutter.truncate(3)
  await cutter.append(['x', 'y', 'z', 'w'].map(b => Buffer.from(b)))
  await federationUntil([ana], 'the dispute over the cutter', async () => (await call(ana, 'federation', {})).disputes.length > 0)

  const out = await call(ana, 'federation', {})
  t.equal(out.federates.length, 2)
  t.equal(out.disputes.length, 1)
  // the dispute (a ledger change) refreshes the open page by itself
  await page.waitForFunction(n => document.querySelectorAll('#disputes-list li').length === n &&
    document.querySelectorAll('#federation-table tbody tr').length === 2, out.disputes.length, { timeout: WAIT })
  // Cutter's signed length moved on after its dispute, outside the ledger: a reload reads it fresh
  await open(page, 'overview')
  await open(page, 'federation')
  const fresh = await call(ana, 'federation', {})
  t.same(fresh.federates, out.federates, 'nothing moved while the page loaded')

  const rows = await page.$$eval('#federation-table tbody tr', rs => rs.map(r => {
    const cell = (k: string): string | null => r.querySelector(`[data-${k}]`)?.getAttribute(`data-${k}`) ?? null
    const n = (k: string): number | null => { const v = cell(k); return v === null || v === '' ? null : Number(v) }
    return { id: r.getAttribute('data-id'), name: r.querySelector('td')?.textContent, trust: n('trust'), stage: n('stage'), checkins: n('checkins'), length: n('length'), at: n('at'), signed: n('signed'), behind: n('behind'), disputes: n('disputes'), text: (r as HTMLElement).innerText }
  }))
  t.same(rows.map(({ text, ...r }) => r), fresh.federates.map(f => ({
    id: f.id, name: f.name, trust: f.trust, stage: f.stage, checkins: f.checkins, length: f.lastCheckin?.length ?? null, at: f.lastCheckin?.at ?? null, signed: f.signedLength, behind: f.behind, disputes: f.disputes
  })), 'each federate: trust, stage, check-ins, last check-in, signed length, behind, disputes')

  const c = fresh.federates.find(f => f.name === 'Coop C')
  const rowC = rows.find(r => r.name === 'Coop C')
  t.match(c, { trust: 70, stage: 3, checkins: 1, disputes: 0 })
  t.ok((c?.behind ?? 0) > 0, 'Coop C is past its check-in')
  t.match(rowC?.text, new RegExp(`70[\\s\\S]*stage 3 of 7[\\s\\S]*length ${c?.lastCheckin?.length} · ${momentText(c?.lastCheckin?.at ?? 0, 'en')}[\\s\\S]*by Ana[\\s\\S]*${c?.behind} blocks?[\\s\\S]*witnessed`), 'as words: trust, stage, check-in length and date, by whom, behind, status')
  t.match(rows.find(r => r.name === 'Cutter')?.text, /disputed \(1\)/, 'the disputed federate is marked')

  const [d] = fresh.disputes
  const items = await page.$$eval('#disputes-list li', ls => ls.map(l => ({ id: l.getAttribute('data-id'), kind: l.querySelector('[data-field=kind]')?.textContent, text: (l as HTMLElement).innerText })))
  t.same(items.map(i => [i.id, i.kind]), fresh.disputes.map(x => [x.id, x.kind]), 'each dispute: its id and kind')
  // the witness may see the cut before the blocks written after it (test/federation-network.test.ts)
  t.ok(d?.kind === 'rewrite' || d?.kind === 'truncation', `a rewrite or a truncation (${d?.kind ?? 'none'})`)
  t.match(items[0]?.text, `Cutter — ${d?.kind ?? ''} · ${momentText(d?.at ?? 0, 'en')}`, 'the federate, the kind, when')
  t.match(items[0]?.text, d?.kind === 'rewrite'
    ? `It signed ${d?.witnessedLength} blocks, then a longer history of ${d?.observedLength} that does not contain them.`
    : `It signed ${d?.witnessedLength} blocks, then a shorter history of ${d?.observedLength} under a new fork: it cut its signed past.`, 'the evidence in a sentence')
  t.match(items[0]?.text, `disco federation --evidence ${d?.shortId}`, 'and how to get the evidence')
  t.equal(await page.isVisible('#disputes-none'), false)
  t.equal(await page.isVisible('#federation-none'), false)
  await page.screenshot({ path: screenshotPath('federation'), fullPage: true })

  const phone = await browser.newPage()
  await phone.setViewportSize({ width: 390, height: 844 })
  await phone.goto(base + '/#federation')
  await phone.waitForSelector('body[data-loaded="federation"]', { timeout: WAIT })
  const width = await phone.evaluate(() => document.documentElement.scrollWidth)
  t.ok(width <= 390, `a phone-sized screen: no sideways scrolling (${width}px wide)`)
  await phone.screenshot({ path: screenshotPath('phone-federation'), fullPage: true })
  await phone.close()
})

t.test('names from the ledger go in as text, never as HTML', async t => {
  const hostile = '<img src=x onerror="window.pwned=1">'
  const { core: other } = await signedCore(t, network, 'hostile', hcrypto.keyPair(), ['a'])
  await passed(ana, { kind: 'federate', code: encodeFederationCode({ key: other.key, topic: other.discoveryKey }), name: hostile })
  await page.waitForFunction(() => document.querySelectorAll('#federation-table tbody tr').length === 3, null, { timeout: WAIT })
  const names = await page.$$eval('#federation-table tbody tr td:first-child', tds => tds.map(td => td.textContent))
  t.ok(names.includes(hostile), 'the name shows as written')
  t.equal(await page.locator('#federation-table img').count(), 0, 'and makes no element')
  t.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined)
})

t.test('the page raised no script errors', async t => {
  t.same(pageErrors, [])
})
