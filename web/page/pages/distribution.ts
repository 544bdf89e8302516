/**
 * Distribution: a month's statement (per member and stream, exact to the minor unit), and the two
 * things a member does about it: propose a month's distribution (`disco propose distribute`) and
 * mark a distributed month paid (`disco paid`).
 */
import { get, post } from '../api.js'
import { wireForm } from '../actions.js'
import { COLOURS, STREAMS, chart } from '../charts.js'
import { byId, el } from '../dom.js'
import { amountText, chartAmount, dayText, monthText } from '../format.js'
import { paidInput, proposeInput } from '../forms.js'
import { locale, t } from '../i18n.js'
import { streamLabel } from '../labels.js'
import { nameOf } from '../state.js'

export function wireDistribution (reload: () => void): void {
  byId('statement-month').addEventListener('change', reload)
  wireForm(byId<HTMLFormElement>('distribute-form'), async f => {
    const out = await post('propose', proposeInput('distribute', f))
    return t('distribution.proposed', { id: out.proposal.shortId })
  })
  wireForm(byId<HTMLFormElement>('paid-form'), async f => {
    const out = await post('paid', paidInput(f))
    return t('distribution.markedPaid', { month: monthText(out.statement.month, locale()) })
  })
}

export async function loadDistribution (params: URLSearchParams): Promise<void> {
  const { statements } = await get('statement', {})
  const lang = locale()
  const select = byId<HTMLSelectElement>('statement-month')
  const chosen = params.get('month') ?? select.value
  const months = statements.map(s => s.month).reverse()
  select.replaceChildren(...months.map(m => el('option', { value: m, text: monthText(m, lang) })))
  select.value = months.includes(chosen) ? chosen : (months[0] ?? '')
  byId('statement-none').hidden = statements.length > 0
  byId('statement-body').hidden = statements.length === 0
  const s = statements.find(x => x.month === select.value)
  if (s === undefined) return
  const money = (minor: number): string => amountText({ amount: minor, currency: s.currency }, lang)

  byId('statement-summary').textContent = t('distribution.summary', { month: monthText(s.month, lang), pool: money(s.pool), currency: s.currency, entries: s.entries, version: s.rulesVersion }) + ' ' +
    (s.paid === null ? t('distribution.unpaid') : t('distribution.paid', { date: dayText(s.paid.date, lang), reference: s.paid.reference, name: s.paidByName ?? '' }))
  byId('statement-table').querySelector('tbody')?.replaceChildren(...s.lines.map(l => el('tr', { 'data-member': l.member },
    el('td', { text: l.paid ? l.name : t('distribution.noWeight', { name: l.name }) }),
    ...STREAMS.map(st => el('td', { class: 'num', 'data-amount': l.amounts[st], text: money(l.amounts[st]) })),
    el('td', { class: 'num', 'data-amount': l.total, text: money(l.total) }))))
  byId('statement-table').querySelector('tfoot')?.replaceChildren(el('tr', {},
    el('td', { text: t('distribution.pool') }),
    ...STREAMS.map(st => el('td', { class: 'num', 'data-amount': s.streams[st], text: `${money(s.streams[st])} ${s.currency}` })),
    el('td', { class: 'num', 'data-amount': s.pool, text: `${money(s.pool)} ${s.currency}` })))
  chart('chart-statement', {
    type: 'bar',
    data: {
      labels: s.lines.map(l => l.name),
      datasets: STREAMS.map(st => ({ label: streamLabel(st), backgroundColor: COLOURS[st], data: s.lines.map(l => chartAmount(l.amounts[st], s.currency)) }))
    },
    options: { locale: lang, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: s.currency } } } }
  })
  byId('statement-late').replaceChildren(...s.late.map(c =>
    el('li', { text: t('distribution.late', { month: monthText(c.month, lang), kind: c.kind, entry: c.entry.slice(0, 8), name: nameOf(c.member) }) })))
}
