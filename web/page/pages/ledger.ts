/**
 * Ledger: the entries, filtered; each with its marks (endorsed by, amended, retracted) and what
 * this member may do to it: endorse another's, amend or retract their own, through the same
 * handlers as `disco endorse|amend|retract`.
 */
import type { EntryView } from '../../../src/commands/views.js'
import { errorText, get, isShown, post } from '../api.js'
import { runButton, wireForm } from '../actions.js'
import { byId, el, say } from '../dom.js'
import { amountText, dayText, durationText } from '../format.js'
import { amendInput, retractInput } from '../forms.js'
import { locale, t } from '../i18n.js'
import { streamLabel } from '../labels.js'
import { loadMembers, nameOf, state } from '../state.js'

const LEDGER_LIMIT = 500

export function entryMarks (e: EntryView): HTMLElement[] {
  const marks: HTMLElement[] = []
  if (e.status === 'retracted') marks.push(el('span', { class: 'mark retracted', text: e.retractReason ? t('ledger.retractedWhy', { reason: e.retractReason }) : t('ledger.retracted') }))
  if (e.amends > 0) marks.push(el('span', { class: 'mark amended', text: t('ledger.amended', { n: e.amends }) }))
  if (e.status === 'active') {
    marks.push(e.endorsedBy.length > 0
      ? el('span', { class: 'mark endorsed', text: t('ledger.endorsedBy', { names: new Intl.ListFormat(locale()).format(e.endorsedBy.map(nameOf)) }) })
      : el('span', { class: 'mark unendorsed', text: t('ledger.notEndorsed') }))
  }
  return marks
}

export function moneyCell (e: EntryView): string {
  return e.money === null ? '' : `${amountText({ amount: e.money.amount, currency: e.money.currency }, locale())} ${e.money.currency}`
}

function rowActions (e: EntryView): HTMLElement {
  const me = state.me
  const box = el('div', { class: 'row-actions' })
  if (me === null || e.status !== 'active') return box
  if (e.member !== me.id && !e.endorsedBy.includes(me.id)) {
    const b = el('button', { type: 'button', class: 'secondary', 'data-action': 'endorse', 'aria-label': t('ledger.endorseOf', { id: e.shortId }), text: t('ledger.endorse') })
    b.addEventListener('click', () => {
      void runButton(b, byId('ledger-error'), byId('ledger-done'), async () => {
        const out = await post('endorse', { id: e.id })
        return t('ledger.endorsed', { id: out.entry.shortId })
      })
    })
    box.append(b)
  }
  if (e.member === me.id) {
    const amend = el('button', { type: 'button', class: 'secondary', 'data-action': 'amend', 'aria-label': t('ledger.amendOf', { id: e.shortId }), text: t('ledger.amend') })
    amend.addEventListener('click', () => openForm('amend', e))
    const retract = el('button', { type: 'button', class: 'secondary', 'data-action': 'retract', 'aria-label': t('ledger.retractOf', { id: e.shortId }), text: t('ledger.retract') })
    retract.addEventListener('click', () => openForm('retract', e))
    box.append(amend, retract)
  }
  return box
}

/** Open the amend or retract form for an entry, with the focus in its first field. */
function openForm (which: 'amend' | 'retract', e: EntryView): void {
  const form = byId<HTMLFormElement>(`${which}-form`)
  const other = byId<HTMLFormElement>(which === 'amend' ? 'retract-form' : 'amend-form')
  other.hidden = true
  form.reset()
  form.dataset.entry = e.id
  ;(form.elements.namedItem('id') as HTMLInputElement).value = e.id
  byId(`${which}-title`).textContent = t(which === 'amend' ? 'ledger.amendTitle' : 'ledger.retractTitle', { id: e.shortId })
  say(form.querySelector<HTMLElement>('.error') as HTMLElement, null)
  form.hidden = false
  form.querySelector<HTMLInputElement>('input:not([type=hidden])')?.focus()
}

/** Close an action form and give the focus back to the entry's row. */
function closeForm (form: HTMLFormElement): void {
  form.hidden = true
  const id = form.dataset.entry
  if (id !== undefined) document.querySelector<HTMLElement>(`#ledger-table tr[data-id="${id}"] button`)?.focus()
}

export function wireLedger (reload: () => void): void {
  const amend = byId<HTMLFormElement>('amend-form')
  const retract = byId<HTMLFormElement>('retract-form')
  wireForm(amend, async f => {
    const out = await post('amend', amendInput(f.id ?? '', f))
    say(byId('ledger-done'), t('ledger.amendedDone', { id: out.entry.shortId }))
    closeForm(amend)
    return ''
  })
  wireForm(retract, async f => {
    const out = await post('retract', retractInput(f.id ?? '', f))
    say(byId('ledger-done'), t('ledger.retractedDone', { id: out.entry.shortId }))
    closeForm(retract)
    return ''
  })
  for (const form of [amend, retract]) {
    form.querySelector('.cancel')?.addEventListener('click', () => closeForm(form))
    form.addEventListener('keydown', ev => { if (ev.key === 'Escape') closeForm(form) })
  }
  const filters = byId<HTMLFormElement>('ledger-filters')
  filters.addEventListener('submit', ev => { ev.preventDefault(); reload() })
  filters.addEventListener('reset', () => { setTimeout(reload, 0) })
  for (const sel of filters.querySelectorAll('select')) sel.addEventListener('change', reload)
}

export function entryRow (e: EntryView, withMember: boolean, withActions: boolean): HTMLTableRowElement {
  const lang = locale()
  return el('tr', { 'data-id': e.id, 'data-short-id': e.shortId, class: e.status === 'retracted' ? 'retracted' : null },
    el('td', { 'data-date': e.date, text: dayText(e.date, lang) }),
    withMember ? el('td', { text: e.memberName }) : null,
    el('td', {}, el('span', { class: `stream ${e.stream}`, text: streamLabel(e.stream) })),
    el('td', { class: 'num', 'data-minutes': e.minutes, text: durationText(e.minutes) }),
    el('td', { text: e.description }),
    el('td', { text: e.project }),
    withMember ? el('td', { class: 'num', text: moneyCell(e) }) : null,
    el('td', {}, ...entryMarks(e)),
    withMember ? el('td', {}, el('code', { text: e.shortId })) : null,
    withActions ? el('td', {}, rowActions(e)) : null)
}

export async function loadLedger (params: URLSearchParams): Promise<void> {
  const members = await loadMembers()
  const form = byId<HTMLFormElement>('ledger-filters')
  const select = form.elements.namedItem('member') as HTMLSelectElement
  const chosen = select.value
  select.replaceChildren(el('option', { value: '', text: t('common.everyone') }), ...members.map(m => el('option', { value: m.id, text: m.name })))
  select.value = chosen
  // a link from another page (a figure of the overview) sets the filters
  if ([...params.keys()].length > 0) {
    form.reset()
    for (const name of ['member', 'stream', 'month', 'project']) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null
      if (field !== null) field.value = params.get(name) ?? ''
    }
  }
  const filter: Record<string, string> = {}
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') filter[k] = v
  let out
  try {
    // the most recent LEDGER_LIMIT (+1, to know whether there are more): a big ledger stays quick
    out = await get('entries', { ...filter, limit: LEDGER_LIMIT + 1 })
    say(byId('ledger-error'), null)
  } catch (err) {
    if (!isShown(err)) throw err
    say(byId('ledger-error'), errorText(err))
    return
  }
  const more = out.entries.length > LEDGER_LIMIT
  const rows = out.entries.slice(more ? 1 : 0).reverse() // newest first
  byId('ledger-count').textContent = more ? t('ledger.more', { n: LEDGER_LIMIT }) : t('ledger.count', { n: rows.length })
  byId('ledger-table').querySelector('tbody')?.replaceChildren(...rows.map(e => entryRow(e, true, true)))
}
