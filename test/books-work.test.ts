import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { balance } from '../src/commands/balance.js'
import { exportBooks } from '../src/commands/export.js'
import { report } from '../src/commands/report.js'
import { parseDate } from '../src/ledger/dates.js'
import { listMembers, listRejections } from '../src/consensus/queries.js'
import { entriesBetween, getRules } from '../src/consensus/accounting-queries.js'
import { booksOf, renderBooks } from '../src/books/index.js'
import { DEFAULT_RULES } from '../src/ledger/rules.js'
import type { DiscoNode } from '../src/node/node.js'
import { cooperative } from './helpers/coop.js'
import { contribution } from './helpers/ops.js'
import type { FakeWriter } from './helpers/ops.js'
import { beanCheck, beanTotals, hledgerTotals, run } from './helpers/books-tools.js'
import type { Totals } from './helpers/books-tools.js'
import { writeFile } from 'node:fs/promises'

/**
 * The work in the books, read back by the real tools: hledger's and beancount's MINUTES per member
 * and stream are what `disco balance` shows, their CREDITS what `disco report` counts, and a member's
 * accounts keep their names when the member is renamed.
 */

const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-books-work-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
let files = 0
async function tool (format: 'hledger' | 'beancount', content: string): Promise<Totals> {
  const file = path.join(dir, `work-${++files}.${format === 'hledger' ? 'journal' : 'beancount'}`)
  await writeFile(file, content)
  if (format === 'hledger') return await hledgerTotals(file)
  const check = await beanCheck(file)
  if (check.exit !== 0 || check.stdout !== '' || check.stderr !== '') throw new Error(`bean-check: ${check.stdout}${check.stderr}`)
  return await beanTotals(file)
}

/** The tools' Assets:Work totals rolled up to member (8 hex) and stream, per commodity. */
function byMemberStream (totals: Totals): Map<string, Map<string, bigint>> {
  const out = new Map<string, Map<string, bigint>>()
  for (const [account, amounts] of totals) {
    const m = /^Assets:Work:Member-([0-9a-f]{8}):(Livelihood|Love|Care)(?::.+)?$/.exec(account)
    if (m === null) continue
    const key = `${m[1] as string}:${(m[2] as string).toLowerCase()}`
    const sums = out.get(key) ?? new Map<string, bigint>()
    for (const [unit, n] of amounts) sums.set(unit, (sums.get(unit) ?? 0n) + n)
    out.set(key, sums)
  }
  return out
}

t.test('hledger and beancount show the hours disco balance shows, and the credits disco report counts', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [ana, bo, cy] = members as [FakeWriter, FakeWriter, FakeWriter]
  // love counts double, so that credits and minutes differ
  const p = await coop.propose(ana, { kind: 'rules', rules: { ...DEFAULT_RULES, rate: { livelihood: 1, love: 2, care: 1 } } })
  for (const m of members) if ((await coop.proposal(p)).status === 'open') await coop.vote(m, p, 'yes')

  const day = (d: string): number => parseDate(d)
  await coop.write(ana, [
    contribution({ stream: 'love', minutes: 90, day: day('2026-10-05'), project: 'zine' }),
    contribution({ stream: 'love', minutes: 20, day: day('2026-10-06'), project: '' }),
    contribution({ stream: 'livelihood', minutes: 45, day: day('2026-10-07'), project: 'Acme site', client: 'Acme', money: { amount: 12050, currency: 'EUR' } })
  ])
  const retracted = await coop.write(bo, [contribution({ stream: 'care', careFor: 'collective', minutes: 600, day: day('2026-10-08') })])
  await coop.write(bo, [{ type: 'retract', target: retracted, reason: 'twice' }])
  const amended = await coop.write(bo, [contribution({ stream: 'care', careFor: 'person', minutes: 30, day: day('2026-10-09'), project: 'Café "Ünï"; x' })])
  await coop.write(bo, [{ type: 'amend', target: amended, patch: { minutes: 35 } }])
  await coop.write(cy, [contribution({ stream: 'love', minutes: 61, day: day('2026-11-02'), project: 'zine' })])

  // a node is what the handlers read through: its snapshot
  const node = { snapshot: () => coop.view.snapshot() } as unknown as DiscoNode
  t.same(await listRejections(coop.view), [], 'every op applied')
  for (const month of [undefined, '2026-10']) {
    const b = await balance(node, month === undefined ? {} : { month })
    const r = await report(node, month === undefined ? { by: 'member' } : { by: 'member', month })
    const want = new Map<string, Map<string, bigint>>()
    for (const m of b.members) {
      for (const s of m.streams) {
        if (s.minutes === 0) continue
        want.set(`${m.member.slice(0, 8)}:${s.stream}`, new Map([['MINUTES', BigInt(s.minutes)]]))
      }
    }
    for (const format of ['hledger', 'beancount'] as const) {
      const out = await exportBooks(node, { format, ...(month === undefined ? {} : { month }) })
      const totals = await tool(format, out.content)
      const got = byMemberStream(totals)
      const minutes = new Map([...got].map(([k, v]) => [k, new Map([['MINUTES', v.get('MINUTES') ?? 0n]])]))
      t.same(minutes, want, `${format} ${month ?? 'all time'}: MINUTES per member and stream are disco balance's`)
      for (const row of r.rows) {
        const credits = [...got].filter(([k]) => k.startsWith(row.key.slice(0, 8))).reduce((n, [, v]) => n + (v.get('CREDITS') ?? 0n), 0n)
        t.equal(credits, BigInt(row.credits), `${format} ${month ?? 'all time'}: ${row.label}'s CREDITS are disco report's`)
      }
      const contributed = [...totals].filter(([a]) => a.startsWith('Equity:Work:')).reduce((n, [, v]) => n + (v.get('MINUTES') ?? 0n), 0n)
      t.equal(contributed, -BigInt(r.total.minutes), `${format}: the other side sums to minus the total`)
      t.equal(out.work, r.total.entries, `${format}: one work transaction per entry that counts`)
    }
  }
  const all = (await exportBooks(node, { format: 'hledger' })).content
  t.notMatch(all, /600 MINUTES/, 'the retracted entry is not in the books')
  t.match(all, / 35 MINUTES/, 'the amended one counts as amended')
  t.match(all, /Assets:Work:Member-[0-9a-f]{8}:Care:Cafe-Uni-x--[0-9a-f]{8} {2}35 MINUTES/, 'a project name that is no plain account name is hashed')
  t.match(all, /Assets:Work:Member-[0-9a-f]{8}:Love {2}20 MINUTES/, 'no project: the stream\'s account itself')
  const csv = (await exportBooks(node, { format: 'csv' })).content
  t.notMatch(csv, /MINUTES|CREDITS/, 'the CSV carries money only')

  // streamed (the work read from the view's range as it is written): the books rendered whole
  const snap = coop.view.snapshot()
  const names = (await listMembers(snap)).map(m => ({ id: m.id, name: m.name }))
  const { version, rules } = await getRules(snap)
  const work = { entries: await entriesBetween(snap, { from: '0000-00-00', to: '9999-99-99' }), rules, currency: null }
  await snap.close()
  for (const format of ['hledger', 'beancount', 'csv'] as const) {
    const pieces: string[] = []
    const out = await exportBooks(node, { format }, piece => { pieces.push(piece) })
    t.equal(out.content, '', `${format}: written piece by piece, not returned whole`)
    const whole = booksOf({ members: names, income: [], statements: [], ...(format === 'csv' ? {} : { work }) })
    t.equal(pieces.join(''), renderBooks(format, whole, { title: `Coop (work credits under rules v${version})` }), `${format}: streamed from the view, the books rendered whole`)
  }
})

t.test('a member\'s accounts keep their names across a rename; the name is a comment', async t => {
  const { coop, members } = await cooperative(t, 2)
  const [ana, bo] = members as [FakeWriter, FakeWriter]
  await coop.write(ana, [contribution({ stream: 'love', project: '', minutes: 60, day: parseDate('2026-10-05') })])
  await coop.write(bo, [contribution({ stream: 'care', project: '', careFor: 'collective', minutes: 30, day: parseDate('2026-10-05') })])
  const node = { snapshot: () => coop.view.snapshot() } as unknown as DiscoNode
  t.same(await listRejections(coop.view), [], 'every op applied')
  const accounts = (journal: string): string[] => [...journal.matchAll(/^account (\S+)/gm)].map(m => m[1] as string)
  const before = (await exportBooks(node, { format: 'hledger' })).content
  t.match(before, /^account Assets:Work:Member-[0-9a-f]{8}:Love {2}; M0$/m, 'the name as the account\'s comment')
  const beanBefore = (await exportBooks(node, { format: 'beancount' })).content
  t.match(beanBefore, /open Assets:Work:Member-[0-9a-f]{8}:Love\n {2}name: "M0"/, 'and as beancount metadata')

  const october = (await exportBooks(node, { format: 'hledger', month: '2026-10' })).content

  await coop.write(ana, [{ type: 'profile', name: 'Ana Pérez' }])
  await coop.write(ana, [contribution({ stream: 'love', project: '', minutes: 15, day: parseDate('2026-11-02') })])
  const after = (await exportBooks(node, { format: 'hledger' })).content
  t.same(accounts(after), accounts(before), 'the same accounts after the rename')
  t.match(after, /^account Assets:Work:Member-[0-9a-f]{8}:Love {2}; Ana Pérez$/m, 'with the new name beside them')
  t.notMatch(after, /M0/)

  // a treasurer's journal of monthly exports, one made before the rename and one after: one account
  // per member, not a balance under each name
  const november = (await exportBooks(node, { format: 'hledger', month: '2026-11' })).content
  await writeFile(path.join(dir, 'oct.journal'), october)
  await writeFile(path.join(dir, 'nov.journal'), november)
  const main = path.join(dir, 'main.journal')
  await writeFile(main, 'include oct.journal\ninclude nov.journal\n')
  const bal = await run('hledger', ['-f', main, 'bal', '--strict', '--no-total', '--flat', 'Assets:Work', 'cur:MINUTES', '-O', 'csv'])
  t.equal(bal.exit, 0, bal.stderr)
  const rows = bal.stdout.trim().split('\n').slice(1)
  t.equal(rows.length, 2, 'one account per member', { stdout: bal.stdout })
  t.match(rows.join('\n'), /Love","75 MINUTES"/, 'Ana\'s October and November on her one account')
})
