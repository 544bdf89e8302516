/**
 * Proposals: the open ones (vote with a reason, close), a form for every kind built from the
 * per-kind field table (web/page/forms.ts, PROPOSE_FIELDS), and the decisions: every decided
 * proposal with each vote and its reason. All through the handlers of `disco propose|vote|close`.
 */
import type { ProposalView } from '../../../src/commands/proposal-view.js'
import type { ProposalKind } from '../../../src/ledger/governance.js'
import type { Rules } from '../../../src/ledger/rules.js'
import { CHOICES } from '../../../src/ledger/governance.js'
import { renderErrorEs } from '../../../src/error-messages-es.js'
import { get, post } from '../api.js'
import { runButton, wireForm } from '../actions.js'
import { byId, el } from '../dom.js'
import { amountText, momentText, monthText } from '../format.js'
import { PROPOSAL_KIND_NAMES, PROPOSE_FIELDS, proposeInput, voteInput } from '../forms.js'
import type { ProposeField } from '../forms.js'
import { locale, t } from '../i18n.js'
import { choiceLabel, kindLabel, roleLabel, statusLabel } from '../labels.js'
import { state } from '../state.js'

let currentRules: Rules | undefined

export function proposalTitle (p: ProposalView): string {
  const a = p.action
  const lang = locale()
  switch (a.kind) {
    case 'admit': return t('title.admit', { name: a.name, role: roleLabel(a.role) })
    case 'role': return t('title.role', { name: p.subjectName ?? '', role: roleLabel(a.role) })
    case 'remove': return t('title.remove', { name: p.subjectName ?? '' })
    case 'indexers': return t('title.indexers', { devices: a.devices.map(d => d.slice(0, 8)).join(', ') })
    case 'protocol': return t('title.protocol', { version: a.version })
    case 'motion': return t('title.motion')
    case 'rules': return t('title.rules')
    case 'distribute': return t('title.distribute', { month: monthText(a.month, lang), amount: amountText({ amount: a.pool, currency: a.currency }, lang), currency: a.currency })
    case 'federate': return t('title.federate', { name: a.name })
    case 'unfederate': return t('title.unfederate', { name: a.key.slice(0, 8) })
    case 'trust': return t('title.trust', { name: a.key.slice(0, 8), value: a.value, stage: a.stage })
    case 'checkins': return t('title.checkins', { days: a.days })
    case 'deliberation': return t('title.deliberation', { hours: a.hours })
    case 'mirrors': return t('title.mirrors', { n: a.keys.length })
    case 'onboarding': return t('title.onboarding', { name: p.subjectName ?? '', stage: a.stage })
  }
}

function voteLine (v: ProposalView['votes'][number]): string {
  const vote = t(v.weight === 'binding' ? 'proposals.vote' : 'proposals.voteRecorded', { name: v.name, choice: choiceLabel(v.choice) })
  return v.reason === '' ? vote : t('proposals.voteReason', { vote, reason: v.reason })
}

function meta (p: ProposalView): string {
  const parts = [t('proposals.by', { name: p.byName, id: p.shortId }), t(p.audience === 'all' ? 'proposals.audienceAll' : 'proposals.audienceMembers')]
  if (p.deadline > 0) parts.push(t('proposals.deadline', { date: momentText(p.deadline, locale()) }))
  return parts.join(' · ')
}

function votesList (p: ProposalView): HTMLElement | null {
  return p.votes.length === 0 ? null : el('ul', { class: 'votes' }, ...p.votes.map(v => el('li', { 'data-member': v.member, 'data-choice': v.choice, text: voteLine(v) })))
}

function openCard (p: ProposalView): HTMLElement {
  const mine = p.votes.find(v => state.me !== null && v.member === state.me.id)
  const reasonId = `reason-${p.id}`
  const reason = el('input', { type: 'text', id: reasonId, name: 'reason', autocomplete: 'off', value: mine?.reason ?? '' })
  // your vote shows pressed; you may change it until the proposal is decided
  const buttons = CHOICES.map(c => el('button', { type: 'button', 'data-choice': c, 'aria-pressed': String(mine?.choice === c), 'aria-label': t('proposals.voteOn', { choice: choiceLabel(c), id: p.shortId }), text: choiceLabel(c) }))
  for (const b of buttons) {
    b.addEventListener('click', () => {
      void runButton(b, byId('proposals-error'), byId('proposals-done'), async () => {
        const out = await post('vote', voteInput(p.id, b.dataset.choice ?? '', reason.value))
        return t('proposals.voted', { choice: choiceLabel(b.dataset.choice ?? ''), id: out.proposal.shortId, status: statusLabel(out.proposal.status) })
      })
    })
  }
  const close = el('button', { type: 'button', class: 'secondary', 'data-action': 'close', 'aria-label': t('proposals.closeOf', { id: p.shortId }), text: t('proposals.close') })
  close.addEventListener('click', () => {
    void runButton(close, byId('proposals-error'), byId('proposals-done'), async () => {
      const out = await post('close', { id: p.id })
      return t('proposals.closed', { id: out.proposal.shortId, status: statusLabel(out.proposal.status) })
    })
  })
  return el('article', { class: 'proposal', 'data-id': p.id, 'data-short-id': p.shortId, 'data-kind': p.kind },
    el('h4', { text: proposalTitle(p) }),
    p.text !== '' ? el('p', { text: p.text }) : null,
    el('p', { class: 'muted small', text: meta(p) }),
    el('div', { class: 'tally' },
      ...CHOICES.map(c => el('span', { 'data-tally': c, text: t('proposals.tally', { choice: choiceLabel(c), n: p.tally[c] }) })),
      el('span', { class: 'muted', text: t('proposals.voters', { n: p.voters }) })),
    votesList(p),
    el('label', { class: 'vote-reason', for: reasonId }, t('proposals.reasonFor', { id: p.shortId })),
    reason,
    el('div', { class: 'vote-buttons' }, ...buttons, close))
}

function decidedCard (p: ProposalView): HTMLElement {
  return el('article', { class: 'proposal decided-card', 'data-id': p.id, 'data-short-id': p.shortId, 'data-status': p.status },
    el('h4', { text: proposalTitle(p) }),
    p.text !== '' ? el('p', { text: p.text }) : null,
    el('p', { class: 'decided', 'data-field': 'decided', text: t('proposals.decided', { status: statusLabel(p.status), date: momentText(p.decidedAt ?? p.at, locale()) }) }),
    // why it stands so (a rule refused its effect…): the catalogue's words, in the page's language
    p.outcome === null ? null : el('p', { class: 'small', 'data-field': 'outcome', text: locale() === 'es' ? renderErrorEs(p.outcome.code, p.outcome.params) : p.reason }),
    el('p', { class: 'muted small', text: meta(p) }),
    votesList(p))
}

/** The chosen kind's own fields, from the table: labelled inputs, a select for a fixed choice. */
function kindFields (kind: ProposalKind): HTMLElement[] {
  return PROPOSE_FIELDS[kind].map((f: ProposeField) => {
    const id = `propose-${f.name.replace('.', '-')}`
    const input = f.type === 'choice'
      ? el('select', { id, name: f.name }, el('option', { value: '', text: '—' }), ...(f.options ?? []).map(o => el('option', { value: o, text: f.name === 'role' ? roleLabel(o) : o })))
      : el('input', { id, type: 'text', name: f.name, autocomplete: 'off', inputmode: f.type === 'number' ? 'numeric' : null, required: f.required === true })
    return el('label', { for: id }, el('span', { text: t(f.label) }), input)
  })
}

function showKindFields (): void {
  const kind = byId<HTMLSelectElement>('propose-kind').value as ProposalKind
  byId('propose-fields').replaceChildren(...kindFields(kind))
}

export function wireProposals (): void {
  const select = byId<HTMLSelectElement>('propose-kind')
  select.addEventListener('change', showKindFields)
  wireForm(byId<HTMLFormElement>('propose-form'), async f => {
    const kind = select.value as ProposalKind
    const out = await post('propose', proposeInput(kind, f, currentRules))
    return t('proposals.proposed', { id: out.proposal.shortId, status: statusLabel(out.proposal.status) })
  })
}

/** The kinds in the page's language (after a language switch too); the chosen one stays. */
export function fillKinds (): void {
  const select = byId<HTMLSelectElement>('propose-kind')
  const chosen = select.value === '' ? 'motion' : select.value
  select.replaceChildren(...PROPOSAL_KIND_NAMES.map(k => el('option', { value: k, text: kindLabel(k) })))
  select.value = chosen
  showKindFields()
}

export async function loadProposals (): Promise<void> {
  const [{ proposals }, rules] = await Promise.all([get('proposals', {}), get('rules', {})])
  currentRules = rules.current.rules
  const open = proposals.filter(p => p.status === 'open')
  const decided = proposals.filter(p => p.status !== 'open').sort((a, b) => (b.decidedAt ?? b.at) - (a.decidedAt ?? a.at))
  // a live update redraws the cards: a reason being typed, and the focus, stay where they were
  const typed = new Map([...document.querySelectorAll<HTMLInputElement>('#proposals-list input[name=reason]')].map(i => [i.id, i.value]))
  const focused = document.activeElement instanceof HTMLElement && byId('proposals-list').contains(document.activeElement)
    ? { id: document.activeElement.id, choice: document.activeElement.dataset.choice, card: document.activeElement.closest('article')?.getAttribute('data-id') }
    : null
  byId('proposals-none').hidden = open.length > 0
  byId('proposals-list').replaceChildren(...open.map(openCard))
  for (const [id, value] of typed) {
    const input = document.getElementById(id)
    if (input instanceof HTMLInputElement) input.value = value
  }
  if (focused !== null && focused.card != null) {
    const card = document.querySelector(`#proposals-list article[data-id="${focused.card}"]`)
    const target = focused.id !== '' ? document.getElementById(focused.id) : card?.querySelector<HTMLElement>(focused.choice !== undefined ? `button[data-choice="${focused.choice}"]` : 'button[data-action=close]')
    target?.focus()
  }
  byId('decisions-none').hidden = decided.length > 0
  byId('decisions-list').replaceChildren(...decided.map(decidedCard))
}
