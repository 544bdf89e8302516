/**
 * Overview: a month's hours, entries and credits by stream and by member, and the last twelve
 * months as stacked bars. It opens on the most recent month with work, says why credits are zero
 * when they are, and links each figure to the entries behind it (the Ledger page, filtered).
 */
import type { ReportRow } from '../../../src/commands/report.js'
import { get } from '../api.js'
import { COLOURS, STREAMS, chart } from '../charts.js'
import { byId, el, say } from '../dom.js'
import { chartHours, creditsText, durationText, lastTwelve, monthOf, monthText, numberText } from '../format.js'
import { locale, t } from '../i18n.js'
import { routeHref } from '../route.js'

/** The month of the latest-dated of the ledger's most recent entries, or this month on an empty
 * ledger (the most recent 500 appended: a big ledger stays quick). */
async function latestMonthWithWork (): Promise<string> {
  const { entries } = await get('entries', { limit: 500 })
  let latest = ''
  for (const e of entries) if (e.status === 'active' && e.date > latest) latest = e.date
  return latest === '' ? monthOf(new Date()) : latest.slice(0, 7)
}

/** The figures of a row, each linked to the entries behind it. */
function figureCells (row: ReportRow, filter: Record<string, string>): HTMLTableCellElement[] {
  const lang = locale()
  const hours = durationText(row.minutes)
  const link = (text: string): HTMLElement => row.entries === 0
    ? el('span', { text })
    : el('a', { class: 'figure', href: routeHref('ledger', filter), 'aria-label': t('overview.linkEntries', { hours: text }) }, text)
  return [
    el('td', { class: 'num', 'data-minutes': row.minutes }, link(hours)),
    el('td', { class: 'num', 'data-entries': row.entries }, link(numberText(row.entries, lang))),
    el('td', { class: 'num', 'data-credits': row.credits, text: creditsText(row.credits, lang) })
  ]
}

import { streamLabel } from '../labels.js'

export async function loadOverview (params: URLSearchParams): Promise<void> {
  const input = byId<HTMLInputElement>('overview-month')
  const asked = params.get('month')
  if (asked !== null) input.value = asked
  if (input.value === '') input.value = await latestMonthWithWork()
  const month = input.value
  const months = lastTwelve(month)
  const [byStream, byMember, balance, rules, unendorsed, ...history] = await Promise.all([
    get('report', { month, by: 'stream' }),
    get('report', { month, by: 'member' }),
    get('balance', { month }),
    get('rules', {}),
    get('entries', { month, unendorsed: true }),
    ...months.map(async m => await get('report', { month: m, by: 'stream' }))
  ])
  const lang = locale()

  const empty = (key: string): ReportRow => ({ key, label: key, minutes: 0, entries: 0, credits: '0', money: [], income: [], payouts: [] })
  const streamRows = STREAMS.map(s => byStream.rows.find(r => r.key === s) ?? empty(s))
  byId('overview-streams').querySelector('tbody')?.replaceChildren(...streamRows.map(r =>
    el('tr', { 'data-key': r.key }, el('td', {}, el('span', { class: `stream ${r.key}`, text: streamLabel(r.key) })), ...figureCells(r, { month, stream: r.key }))))
  byId('overview-streams').querySelector('tfoot')?.replaceChildren(el('tr', { 'data-key': 'total' }, el('td', { text: t('common.total') }), ...figureCells(byStream.total, { month })))

  // why the credits are zero, when they are
  const why = byId('overview-why')
  const total = byStream.total
  const current = rules.current.rules
  if (total.minutes === 0) say(why, t('overview.noWork', { month: monthText(month, lang) }))
  else if (total.credits !== '0') say(why, null)
  else if (STREAMS.every(s => current.rate[s] === 0)) say(why, t('overview.zeroNoRules'))
  else if (current.needsEndorsement && unendorsed.entries.length > 0) say(why, t('overview.zeroUnendorsed', { n: unendorsed.entries.length, month: monthText(month, lang) }))
  else say(why, t('overview.zeroNoCredits', { month: monthText(month, lang) }))

  const bars = (id: string, label: string, values: number[]): void => chart(id, {
    type: 'bar',
    data: { labels: STREAMS.map(streamLabel), datasets: [{ label, data: values, backgroundColor: STREAMS.map(s => COLOURS[s]) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false }, title: { display: true, text: label } }, locale: lang }
  })
  bars('chart-streams', t('common.hours'), streamRows.map(r => chartHours(r.minutes)))
  // credits are exact integers as text; a chart only needs their proportions
  bars('chart-credits', t('common.credits'), streamRows.map(r => Number(r.credits)))

  const memberRows = byMember.rows.filter(r => r.minutes > 0 || r.credits !== '0')
  byId('overview-members').querySelector('tbody')?.replaceChildren(...memberRows.map(r =>
    el('tr', { 'data-key': r.key }, el('td', {}, el('a', { href: routeHref('member', { id: r.key }), text: r.label })), ...figureCells(r, { month, member: r.key }))))
  const people = balance.members.filter(m => m.streams.some(s => s.minutes > 0))
  chart('chart-members', {
    type: 'bar',
    data: {
      labels: people.map(m => m.name),
      datasets: STREAMS.map(s => ({ label: streamLabel(s), backgroundColor: COLOURS[s], data: people.map(m => chartHours(m.streams.find(x => x.stream === s)?.minutes ?? 0)) }))
    },
    options: { indexAxis: 'y', locale: lang, scales: { x: { stacked: true, title: { display: true, text: t('common.hoursUnit') } }, y: { stacked: true } } }
  })

  // monthly totals as stacked bars: a bar per month, no curve drawn between months
  chart('chart-months', {
    type: 'bar',
    data: {
      labels: months.map(m => monthText(m, lang)),
      datasets: STREAMS.map(s => ({ label: streamLabel(s), backgroundColor: COLOURS[s], data: history.map(h => chartHours(h.rows.find(r => r.key === s)?.minutes ?? 0)) }))
    },
    options: { locale: lang, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: t('common.hoursUnit') } } }, interaction: { mode: 'index', intersect: false } }
  })
  byId('chart-months').dataset.totals = JSON.stringify(history.map(h => h.total.minutes))
  byId('chart-months').dataset.type = 'bar'
}
