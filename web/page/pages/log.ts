/** Log work (`disco log`) and record income (`disco income`): forms checked as the CLI checks them. */
import { post } from '../api.js'
import { wireForm } from '../actions.js'
import { byId } from '../dom.js'
import { amountText, dayText, durationText } from '../format.js'
import { incomeInput, logInput } from '../forms.js'
import { locale, t } from '../i18n.js'
import { streamLabel } from '../labels.js'

const STREAM_ONLY = ['livelihood', 'love', 'care'] as const

/** Only the chosen stream's own fields show (and are sent). */
function showStreamFields (): void {
  const form = byId<HTMLFormElement>('log-form')
  const stream = (form.elements.namedItem('stream') as HTMLSelectElement).value
  for (const s of STREAM_ONLY) {
    for (const node of form.querySelectorAll<HTMLElement>(`.only-${s}`)) node.hidden = s !== stream
  }
}

export function wireLog (): void {
  const form = byId<HTMLFormElement>('log-form')
  ;(form.elements.namedItem('stream') as HTMLSelectElement).addEventListener('change', showStreamFields)
  showStreamFields()
  wireForm(form, async f => {
    const out = await post('log', logInput(f))
    const e = out.entry
    byId('log-done').dataset.id = e.id
    for (const name of ['duration', 'description', 'amount', 'quantity']) (form.elements.namedItem(name) as HTMLInputElement).value = ''
    const lang = locale()
    return t(out.duplicate ? 'log.already' : 'log.logged', { id: e.shortId, stream: streamLabel(e.stream), duration: durationText(e.minutes), date: dayText(e.date, lang) })
  })
  const income = byId<HTMLFormElement>('income-form')
  wireForm(income, async f => {
    const out = await post('income', incomeInput(f))
    const m = out.income.money
    income.dataset.id = out.income.id
    return t('income.recorded', { amount: amountText(m, locale()), currency: m.currency, from: out.income.client })
  })
}
