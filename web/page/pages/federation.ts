/**
 * Federation: the federated cooperatives (trust, journey stage, check-ins, disputes), this
 * cooperative's code, and what a member does here: check in on the federates now (`disco checkin`).
 * Federating, trusting and ending a federation are proposals (the Proposals page, their kinds).
 */
import type { DisputeView, FederateView } from '../../../src/commands/federation.js'
import { get, post } from '../api.js'
import { runButton } from '../actions.js'
import { byId, el } from '../dom.js'
import { momentText } from '../format.js'
import { locale, t } from '../i18n.js'
import { loadMembers, nameOf } from '../state.js'

const JOURNEY_STAGES = 7

/** What a member most needs to know about a federate, in a word or two (docs/federation.md). */
function federateState (f: FederateView, days: number): { key: string, text: string } {
  if (f.removed) return { key: 'ended', text: t('federation.ended') }
  if (f.disputes > 0) return { key: 'disputed', text: t('federation.disputed', { n: f.disputes }) }
  if (f.signedLength === null) return { key: 'waiting', text: t('federation.notReachedShort') }
  if (f.lastCheckin === null) return { key: 'waiting', text: t('federation.noCheckin') }
  // a check-in counts once a period (whole periods of `days` since 1970, as apply counts them)
  const period = (ms: number): number => Math.floor(ms / (days * 86_400_000))
  if (period(f.lastCheckin.at) < period(Date.now())) return { key: 'waiting', text: t('federation.due') }
  return { key: 'ok', text: t('federation.witnessed') }
}

/** A dispute's evidence in one sentence: what the federate signed, then what it signed after. */
function disputeSummary (d: DisputeView): string {
  const values = { n: d.witnessedLength, observed: d.observedLength }
  switch (d.kind) {
    case 'fork': return t('federation.fork', values)
    case 'truncation': return t('federation.truncation', values)
    case 'rewrite': return t('federation.rewrite', values)
    default: return t('federation.otherDispute', values)
  }
}

export function wireFederation (): void {
  const button = byId<HTMLButtonElement>('checkin-button')
  button.addEventListener('click', () => {
    void runButton(button, byId('checkin-error'), byId('checkin-done'), async () => {
      const out = await post('checkin', {})
      return t('federation.checkedIn', { n: out.checkins.length })
    })
  })
}

export async function loadFederation (): Promise<void> {
  const [fed] = await Promise.all([get('federation', {}), loadMembers()])
  const lang = locale()
  byId('federation-none').hidden = fed.federates.length > 0
  byId('federation-body').hidden = fed.federates.length === 0
  byId('federation-table').querySelector('tbody')?.replaceChildren(...fed.federates.map(f => {
    const last = f.lastCheckin
    const state = federateState(f, fed.checkinDays)
    return el('tr', { 'data-id': f.id, 'data-name': f.name, class: f.removed ? 'ended' : null },
      el('td', { title: f.id, text: f.name }),
      el('td', { class: 'num', 'data-label': t('federation.trust'), 'data-trust': f.trust },
        String(f.trust), el('meter', { min: 0, max: 100, value: f.trust, 'aria-label': t('federation.trustOf', { n: f.trust }) })),
      el('td', { 'data-label': t('federation.journey'), 'data-stage': f.stage, text: t('federation.stageOf', { stage: f.stage, stages: JOURNEY_STAGES }) }),
      last === null
        ? el('td', { 'data-label': t('federation.lastCheckin'), 'data-checkins': f.checkins, text: t('federation.noneYet') })
        : el('td', { 'data-label': t('federation.lastCheckin'), 'data-checkins': f.checkins, 'data-length': last.length, 'data-at': last.at },
          t('federation.checkinLine', { length: last.length, date: momentText(last.at, lang) }),
          el('span', { class: 'muted small', text: t('federation.checkinBy', { name: nameOf(last.by), n: f.checkins }) })),
      el('td', { class: 'num', 'data-label': t('federation.behind'), 'data-behind': f.behind ?? '', 'data-signed': f.signedLength ?? '', title: f.signedLength === null ? t('federation.notReached') : t('federation.signedHere', { n: f.signedLength }) },
        f.behind === null ? '–' : t('federation.blocks', { n: f.behind })),
      el('td', { 'data-disputes': f.disputes }, el('span', { class: `state ${state.key}`, text: state.text })))
  }))
  byId('federation-rules').hidden = fed.federates.length === 0
  byId('federation-rules').textContent = t('federation.rules', { days: fed.checkinDays })
  byId('checkin-button').hidden = fed.federates.length === 0
  byId('disputes-none').hidden = fed.disputes.length > 0
  byId('disputes-list').replaceChildren(...fed.disputes.map(d => el('li', { 'data-id': d.id, 'data-short-id': d.shortId, 'data-kind': d.kind },
    el('strong', { text: d.name }), ' — ', el('span', { 'data-field': 'kind', text: d.kind }), el('span', { class: 'muted', text: ' · ' + momentText(d.at, lang) }),
    el('p', { 'data-field': 'summary', text: disputeSummary(d) }),
    el('p', { class: 'muted small' }, t('federation.evidence'), ' ', el('code', { text: `disco federation --evidence ${d.shortId} -o evidence.json` })))))
  byId('federation-code').textContent = fed.code
}
