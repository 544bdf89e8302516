/**
 * A member's own page (this node's member unless another is chosen): their entries, their balance,
 * their credits this month and over all time, and what each distributed month paid them.
 */
import { get } from '../api.js'
import { byId, el } from '../dom.js'
import { amountText, creditsText, dayText, durationText, monthOf, monthText, numberText } from '../format.js'
import { locale, t } from '../i18n.js'
import { streamLabel } from '../labels.js'
import { STREAMS } from '../charts.js'
import { loadMembers, state } from '../state.js'
import { entryRow } from './ledger.js'

export function wireMember (reload: () => void): void {
  byId('member-who').addEventListener('change', reload)
}

export async function loadMember (params: URLSearchParams): Promise<void> {
  const members = await loadMembers()
  const select = byId<HTMLSelectElement>('member-who')
  const chosen = params.get('id') ?? (select.value !== '' ? select.value : state.me?.id ?? members[0]?.id ?? '')
  select.replaceChildren(...members.map(m => el('option', { value: m.id, text: m.name })))
  select.value = chosen
  if (chosen === '') return
  const month = monthOf(new Date())
  const lang = locale()
  const [balance, credits, lifetime, entries, statements] = await Promise.all([
    get('balance', { member: chosen }),
    get('credits', { member: chosen, month }),
    get('credits', { member: chosen, lifetime: true }),
    get('entries', { member: chosen, limit: 200 }),
    get('statement', {})
  ])
  const mine = balance.members[0]
  byId('member-balance').querySelector('tbody')?.replaceChildren(...STREAMS.map(s => {
    const b = mine?.streams.find(x => x.stream === s)
    return el('tr', { 'data-stream': s },
      el('td', {}, el('span', { class: `stream ${s}`, text: streamLabel(s) })),
      el('td', { class: 'num', 'data-minutes': b?.minutes ?? 0, text: durationText(b?.minutes ?? 0) }),
      el('td', { class: 'num', text: numberText(b?.entries ?? 0, lang) }),
      el('td', { class: 'num', text: (b?.money ?? []).map(m => `${amountText(m, lang)} ${m.currency}`).join(' · ') }))
  }))
  const row = credits.rows[0]
  const life = lifetime.rows[0]
  byId('member-credits-title').textContent = t('member.credits', { month: monthText(month, lang) })
  byId('member-credits-month').textContent = monthText(month, lang)
  byId('member-credits').querySelector('tbody')?.replaceChildren(...STREAMS.map(s => el('tr', { 'data-stream': s },
    el('td', {}, el('span', { class: `stream ${s}`, text: streamLabel(s) })),
    el('td', { class: 'num', 'data-credits': row?.credits[s] ?? '0', text: creditsText(row?.credits[s] ?? '0', lang) }),
    el('td', { class: 'num', 'data-credits': life?.credits[s] ?? '0', text: creditsText(life?.credits[s] ?? '0', lang) }))))
  byId('member-weightless').hidden = row === undefined || row.paid
  const pay = statements.statements.flatMap(s => {
    const line = s.lines.find(l => l.member === chosen)
    return line === undefined ? [] : [{ s, line }]
  }).reverse()
  byId('member-nopay').hidden = pay.length > 0
  byId('member-pay').replaceChildren(...pay.map(({ s, line }) => {
    const values = { month: monthText(s.month, lang), amount: amountText({ amount: line.total, currency: s.currency }, lang), currency: s.currency }
    return el('li', { 'data-month': s.month, 'data-amount': line.total, text: s.paid === null ? t('member.paidLine', values) : t('member.paidOn', { ...values, date: dayText(s.paid.date, lang) }) })
  }))
  byId('member-entries').querySelector('tbody')?.replaceChildren(...entries.entries.slice().reverse().map(e => entryRow(e, false, false)))
}
