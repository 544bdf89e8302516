import { formatMinutes } from '../../src/ledger/duration.js'
import type { BalanceView, EntryView, MoneyView } from '../../src/commands/views.js'
import type { ProposalView } from '../../src/commands/proposal-view.js'
import { table, truncate } from './output.js'
import { formatAmount } from '../../src/ledger/currency.js'
import type { Rules } from '../../src/ledger/rules.js'
import { VALUE_ROLES } from '../../src/ledger/rules.js'

/** The rules on one line, in the words of docs/accounting.md. */
export function rulesText (r: Rules): string {
  return `rate ${r.rate.livelihood}/${r.rate.love}/${r.rate.care} per hour, split ${r.split.livelihood}/${r.split.love}/${r.split.care}, ` +
    `careWeight ${r.careWeight}, moneyRate ${r.moneyRate}, daters ${r.daterCredits}, ` +
    `${r.needsEndorsement ? 'endorsement needed' : 'no endorsement needed'}, late changes ${r.late}, paid per ${r.period}` +
    (r.stages.length === 0 ? '' : `, stages ${r.stages.map(s => `${s.livelihood}/${s.love}/${s.care}`).join(',')}`) +
    (VALUE_ROLES.some(role => r.care[role] === 'recorded') ? `, care recorded for ${VALUE_ROLES.filter(role => r.care[role] === 'recorded').join(', ')}` : '') +
    (VALUE_ROLES.some(role => r.quota.credits[role] > 0) ? `, quota per ${r.quota.period} ${VALUE_ROLES.filter(role => r.quota.credits[role] > 0).map(role => `${role} ${r.quota.credits[role]}`).join(', ')} credit-min` : '') +
    (r.cap.amount === 0 ? '' : `, cap ${formatAmount({ amount: r.cap.amount, currency: r.cap.currency })} ${r.cap.currency} (excess: ${r.cap.excess})`) +
    (r.units.length === 0 ? '' : `, units ${r.units.map(u => `${u.name} ${u.credits} credit-min per ${u.per}`).join(', ')}`)
}

/** Tables and lines for people; --json prints the handlers' objects instead. */
export function moneyText (money: MoneyView[] | MoneyView | null): string {
  if (money === null) return ''
  const list = Array.isArray(money) ? money : [money]
  return list.map(m => `${m.display} ${m.currency}`).join(', ')
}

export function entryLine (e: EntryView): string {
  const extra = [
    e.output !== null && e.output !== undefined ? `${e.output.quantity} ${e.output.unit}` : '',
    e.money !== null ? moneyText(e.money) : '', e.project !== '' ? `project ${e.project}` : ''
  ].filter(Boolean).join(', ')
  return `${e.shortId}  ${e.date}  ${e.memberName}  ${e.stream} ${formatMinutes(e.minutes)}${extra !== '' ? ` (${extra})` : ''}` +
    `${e.description !== '' ? `  "${truncate(e.description, 50)}"` : ''}${e.status === 'retracted' ? '  [retracted]' : ''}`
}

export function entriesTable (entries: EntryView[]): string[] {
  if (entries.length === 0) return ['no entries']
  return table(
    ['ID', 'DATE', 'MEMBER', 'STREAM', 'TIME', 'MONEY', 'ENDORSED', 'PROJECT', 'DESCRIPTION'],
    entries.map(e => [
      e.shortId, e.date, truncate(e.memberName, 16), e.stream,
      formatMinutes(e.minutes) + (e.output !== null && e.output !== undefined ? ` + ${e.output.quantity} ${e.output.unit}` : ''), moneyText(e.money),
      e.endorsedBy.length === 0 ? '-' : String(e.endorsedBy.length),
      truncate(e.project, 16), (e.status === 'retracted' ? '[retracted] ' : '') + truncate(e.description, 40)
    ])
  )
}

function cell (b: BalanceView | undefined): string {
  if (b === undefined || b.entries === 0) return '-'
  return `${formatMinutes(b.minutes)} (${b.entries})`
}

export function balanceTable (rows: Array<{ name: string, streams: BalanceView[] }>, total: BalanceView[]): string[] {
  const line = (name: string, streams: BalanceView[]): string[] => [
    name,
    cell(streams.find(s => s.stream === 'livelihood')),
    cell(streams.find(s => s.stream === 'love')),
    cell(streams.find(s => s.stream === 'care')),
    moneyText(streams.flatMap(s => s.money)) || '-'
  ]
  return table(['MEMBER', 'LIVELIHOOD', 'LOVE', 'CARE', 'MONEY'], [...rows.map(r => line(r.name, r.streams)), line('total', total)])
}

function minute (time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ')
}

export function proposalLine (p: ProposalView): string {
  const what = p.kind === 'role' ? `${p.subjectName ?? '?'} → ${p.action.kind === 'role' ? p.action.role : ''}`
    : p.kind === 'remove' ? `remove ${p.subjectName ?? '?'}`
      : p.kind === 'admit' ? `admit ${p.subjectName ?? '?'} as ${p.action.kind === 'admit' ? p.action.role : ''}`
        : p.kind === 'indexers' ? `indexers ${p.action.kind === 'indexers' ? p.action.devices.map(d => d.slice(0, 8)).join(', ') : ''}`
          : p.kind === 'protocol' ? `protocol version ${p.action.kind === 'protocol' ? p.action.version : ''}`
            : p.action.kind === 'distribute' ? `distribute ${p.action.month}: ${formatAmount({ amount: p.action.pool, currency: p.action.currency })} ${p.action.currency}`
              : p.action.kind === 'rules' ? `rules: ${rulesText(p.action.rules)}`
                : p.action.kind === 'federate' ? `federate with ${p.action.name} (${p.action.key.slice(0, 8)})`
                  : p.action.kind === 'unfederate' ? `end the federation with ${p.action.key.slice(0, 8)}`
                    : p.action.kind === 'trust' ? `trust ${p.action.key.slice(0, 8)}: ${p.action.value}, journey stage ${p.action.stage}`
                      : p.action.kind === 'checkins' ? `check in with federates every ${p.action.days} days`
                        : p.action.kind === 'deliberation' ? `minimum deliberation ${p.action.hours} h`
                        : p.action.kind === 'mirrors' ? `mirrors: ${p.action.keys.length === 0 ? 'none' : p.action.keys.map(k => k.slice(0, 8)).join(', ')}`
                          : p.action.kind === 'onboarding' ? `${p.subjectName ?? p.action.member.slice(0, 8)}: onboarding stage ${p.action.stage === 0 ? 'none' : p.action.stage}`
                            : 'motion'
  const t = p.tally
  const why = p.status === 'failed' || p.status === 'blocked' || (p.decision !== undefined && p.status !== 'open') ? `: ${p.reason}` : ''
  const state = p.status === 'open' ? 'open' : `${p.status}${why}${p.provisional ? ', provisional' : ''}`
  if (p.decision !== undefined) return typedLine(p, what, state)
  return `${p.shortId}  ${what}  [${state}]  yes ${t.yes}, no ${t.no}, abstain ${t.abstain}, block ${t.block} of ${p.voters}` +
    `${p.status !== 'open' ? '' : p.deadline > 0 ? `  deadline ${minute(p.deadline)}` : `  decidable by majority after ${minute(p.deliberateUntil)}`}` +
    `${p.text !== '' ? `  "${truncate(p.text, 50)}"` : ''}  by ${p.byName}`
}

/** A proposal with a decision type: its type, what it has heard so far, and (decided) why. */
function typedLine (p: ProposalView, what: string, state: string): string {
  const d = p.decision as NonNullable<ProposalView['decision']>
  const t = p.tally
  const heard = d.type === 'advice' ? `support ${t.yes}, discourage ${t.no + t.block}, abstain ${t.abstain} of ${p.voters}`
    : d.type === 'consent' ? `round ${d.round}: consent ${t.yes}, stand aside ${t.abstain}, open objections ${d.objections} of ${p.voters}`
      : `${d.ballots} binding ballot${d.ballots === 1 ? '' : 's'} of ${p.voters}; options ${d.options.map((o, i) => `${i + 1} ${o}${d.result !== null ? ` (${d.result.totals[i] ?? 0})` : ''}`).join(', ')}`
  const when = p.status !== 'open' ? '' : d.type === 'advice' ? `  the proposer decides after ${minute(p.deliberateUntil)}` : `  decidable after ${minute(p.deliberateUntil)}`
  return `${p.shortId}  ${what} by ${d.type}  [${state}]  ${heard}${when}${p.text !== '' ? `  "${truncate(p.text, 50)}"` : ''}  by ${p.byName}`
}
