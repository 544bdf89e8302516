import b4a from 'b4a'
import { getDeliberation, getDevice, getLedgerTime, listMembers, resolveMember } from '../consensus/queries.js'
import { HOUR_MS } from '../ledger/ledger-time.js'
import { throwIfRejected } from './read-back.js'
import { DiscoError } from '../errors.js'
import { parseDate } from '../ledger/dates.js'
import { parsePeriod, periodEndTime, periodKind } from '../ledger/periods.js'
import { parseMoney } from '../ledger/currency.js'
import { distributedOverlap, getRules } from '../consensus/accounting-queries.js'
import { changedRules } from './rules-change.js'
import type { RulesChange } from './rules-change.js'
import { parseDuration } from '../ledger/duration.js'
import { PROPOSAL_KINDS } from '../ledger/governance.js'
import { BUDGET_RANGE, DECISION_TYPES, isPoll, typeDecidesKind } from '../ledger/decision.js'
import type { DecisionSpec, DecisionType } from '../ledger/decision.js'
import type { ProposalKind } from '../ledger/governance.js'
import { opId } from '../ledger/ids.js'
import { ROLES, canPropose, voteWeight } from '../ledger/roles.js'
import type { Role } from '../ledger/roles.js'
import type { ProposalAction } from '../ledger/ops.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { readProposal } from './proposal-view.js'
import type { ProposalView } from './proposal-view.js'
import { localMember } from './session.js'
import { decodeFederationCode } from '../ledger/federation.js'
import { resolveFederate } from '../consensus/federation-queries.js'
import { parseMirrorKey } from '../ledger/mirrors.js'
import { readMirrors } from '../mirror/rule.js'

export interface ProposeInput {
  kind: string
  /** what it is about (required for a motion) */
  text?: string
  /** lazy consensus: a duration from now (72h) or a date (2026-12-01); none when absent */
  deadline?: string
  /** ask all constituents (supporters vote too) */
  all?: boolean
  /** role, remove, onboarding: the participant (name or id) */
  member?: string
  /** admit, role: the role */
  role?: string
  /** admit: the device's writer key (hex, as `disco status` shows it) and the person's name */
  device?: string
  name?: string
  /** indexers: the devices (writer keys, hex) */
  devices?: string[]
  /** protocol: the version */
  version?: number
  /** rules: what to change */
  rules?: RulesChange
  /** distribute: the month (YYYY-MM), the pool and its currency */
  month?: string
  amount?: string
  currency?: string
  /** federate: the code from the other cooperative's `disco federation invite` (and `name`) */
  code?: string
  /** unfederate, trust: the federate (name or id) */
  federate?: string
  /** trust: the trust value (0-100) and journey stage (1-7); onboarding: the participant's onboarding stage (0: none) */
  value?: number
  stage?: number
  /** checkins: the period in days */
  days?: number
  /** deliberation: the minimum, in whole hours */
  hours?: number
  /** mirrors: a mirror key (64 hex, as `disco mirror` prints it) to add to the set, or to remove from it */
  addMirror?: string
  removeMirror?: string
  /** how it is decided (docs/governance.md, "Decision types"): advice, consent, score, ranked or
   * dots; absent: the majority rule with lazy consensus and blocks */
  decision?: string
  /** a poll's options, in order (ties go to the one listed first) */
  options?: string[]
  /** score: the highest score (default 5); dots: the dots each voter spreads (default 10) */
  budget?: number
}

/** Put a proposal to the cooperative. It is decided by votes (`disco vote`) or, past a deadline, by `disco close`. */
export async function propose (node: LedgerNode, input: ProposeInput, now = Date.now()): Promise<{ proposal: ProposalView }> {
  const kind = input.kind as ProposalKind
  if (!PROPOSAL_KINDS.includes(kind)) throw DiscoError.invalidArgument(`unknown proposal kind "${input.kind}": expected ${PROPOSAL_KINDS.join(', ')}`)
  const me = await localMember(node)
  if (!canPropose(me.role)) throw DiscoError.notAllowed(me.role, 'propose')
  const decision = decisionOf(input)
  if (decision !== undefined && !typeDecidesKind(decision.type, kind)) throw DiscoError.invalidField('decision', 'decision-kind', { value: decision.type })
  if (decision?.type === 'advice' && voteWeight(me.role, input.all === true ? 'all' : 'members') !== 'binding') throw DiscoError.notAllowed(me.role, 'decide-advice')
  const action = await actionOf(node, kind, input, now)
  const deadline = input.deadline === undefined ? 0 : await deadlineOf(node, input.deadline, now)
  const [ref] = await node.append([{
    type: 'propose',
    action,
    text: (input.text ?? '').trim(),
    audience: input.all === true ? 'all' : 'members',
    deadline,
    ...(decision !== undefined ? { decision } : {})
  }])
  const id = opId(ref!)
  const snap = node.snapshot()
  try {
    await throwIfRejected(snap, id)
    return { proposal: await readProposal(node, snap, id) }
  } finally {
    await snap.close()
  }
}

/** The decision type the input states, with its options and budget (checked again by validateOp
 * when appended); undefined for the majority rule. */
function decisionOf (input: ProposeInput): DecisionSpec | undefined {
  const given = (input.decision ?? '').trim().toLowerCase()
  if (given === '' || given === 'majority') {
    if (input.options !== undefined || input.budget !== undefined) throw DiscoError.invalidArgument('--option and --budget are for a poll: give --decision score, ranked or dots')
    return undefined
  }
  const type = given as DecisionType
  if (!DECISION_TYPES.includes(type)) throw DiscoError.invalidArgument(`unknown decision type "${input.decision ?? ''}": expected majority, ${DECISION_TYPES.join(', ')}`)
  if (!isPoll(type)) {
    if (input.options !== undefined || input.budget !== undefined) throw DiscoError.invalidArgument(`a ${type} proposal has no options or budget: those are for a poll (score, ranked, dots)`)
    return { type, options: [], budget: 0 }
  }
  const options = (input.options ?? []).map(o => o.trim())
  if (type === 'ranked' && input.budget !== undefined) throw DiscoError.invalidArgument('a ranked poll has no budget')
  const budget = input.budget ?? BUDGET_RANGE[type].default
  return { type, options, budget }
}

function roleOf (text: string | undefined): Role {
  const role = (text ?? '').trim().toLowerCase() as Role
  if (!ROLES.includes(role)) throw DiscoError.invalidArgument(`role must be one of ${ROLES.join(', ')}`)
  return role
}

function keyOf (text: string | undefined, what: string): Uint8Array {
  const hex = (text ?? '').trim().toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(hex)) throw DiscoError.invalidArgument(`${what} must be a device key: 64 hex characters (disco status shows a device's key)`)
  return b4a.from(hex, 'hex')
}

async function actionOf (node: LedgerNode, kind: ProposalKind, input: ProposeInput, now: number): Promise<ProposalAction> {
  const snap = node.snapshot()
  try {
    switch (kind) {
      case 'admit':
        return { kind, writer: keyOf(input.device, 'the device'), role: roleOf(input.role), name: (input.name ?? '').trim() }
      case 'role':
      case 'remove': {
        if (input.member === undefined) throw DiscoError.invalidArgument('name the participant')
        const member = b4a.from((await resolveMember(snap, input.member)).id, 'hex')
        return kind === 'role' ? { kind, member, role: roleOf(input.role) } : { kind, member }
      }
      case 'indexers': {
        const devices: Uint8Array[] = []
        const known = (await listMembers(snap)).flatMap(m => m.devices)
        for (const d of input.devices ?? []) {
          const matches = known.filter(k => k.startsWith(d.trim().toLowerCase()))
          if (matches.length !== 1 || d.trim().length < 8) throw DiscoError.invalidArgument(`"${d}" names ${matches.length === 0 ? 'no' : 'more than one'} device: give at least 8 hex characters of a device key`)
          if (await getDevice(snap, matches[0] as string) === null) throw DiscoError.invalidArgument(`unknown device ${d}`)
          devices.push(b4a.from(matches[0] as string, 'hex'))
        }
        return { kind, devices }
      }
      case 'protocol':
        if (input.version === undefined || !Number.isSafeInteger(input.version)) throw DiscoError.invalidArgument('give the new protocol version')
        return { kind, version: input.version }
      case 'motion':
        if ((input.text ?? '').trim() === '') throw DiscoError.invalidArgument('a motion needs its text: -m "…"')
        return { kind }
      case 'rules':
        return { kind, rules: changedRules((await getRules(snap)).rules, input.rules ?? {}) }
      case 'distribute': {
        const month = parsePeriod(input.month ?? '')
        const pool = parseMoney(input.amount ?? '', input.currency ?? '')
        if (pool.amount === 0) throw DiscoError.invalidAmount(input.amount ?? '', 'pool-nothing')
        const { rules } = await getRules(snap)
        if (periodKind(month) !== rules.period) throw DiscoError.periodKind(month, rules.period)
        const overlap = await distributedOverlap(snap, month)
        if (overlap !== null) throw overlap === month ? DiscoError.monthDistributed(month) : DiscoError.periodOverlaps(month, overlap)
        // apply judges it by the ledger time, which a period's end must pass on more than half of
        // the members' clocks: this machine's clock alone would say yes too early
        if (Math.min(now, await getLedgerTime(snap)) < periodEndTime(month)) throw DiscoError.monthNotOver(month)
        return { kind, month, pool }
      }
      case 'federate': {
        const { key, topic } = decodeFederationCode(input.code ?? '')
        if (b4a.equals(key, node.systemKey)) throw DiscoError.invalidArgument('that is this cooperative\'s own federation code')
        return { kind, key, topic, name: (input.name ?? '').trim() }
      }
      case 'unfederate':
      case 'trust': {
        const fed = await resolveFederate(snap, input.federate ?? '')
        const key = b4a.from(fed.id, 'hex')
        if (kind === 'unfederate') return { kind, key }
        return { kind, key, value: input.value ?? fed.trust, stage: input.stage ?? fed.stage }
      }
      case 'checkins':
        return { kind, days: input.days ?? Number.NaN }
      case 'deliberation':
        return { kind, hours: input.hours ?? Number.NaN }
      case 'mirrors':
        return { kind, keys: await mirrorSet(snap, input) }
      case 'onboarding': {
        if (input.member === undefined) throw DiscoError.invalidArgument('name the participant')
        const member = b4a.from((await resolveMember(snap, input.member)).id, 'hex')
        if (input.stage === undefined || !Number.isSafeInteger(input.stage)) throw DiscoError.invalidArgument('give the onboarding stage: a whole number, 0 for none')
        return { kind, member, stage: input.stage }
      }
    }
  } finally {
    await snap.close()
  }
}

/** The whole set a `mirrors` proposal carries: the ledger's mirrors, one added or removed. */
async function mirrorSet (snap: Parameters<typeof readMirrors>[0], input: ProposeInput): Promise<Uint8Array[]> {
  if ((input.addMirror === undefined) === (input.removeMirror === undefined)) throw DiscoError.invalidArgument('name one mirror to add or to remove')
  const now = await readMirrors(snap)
  const key = b4a.toString(parseMirrorKey(input.addMirror ?? input.removeMirror ?? ''), 'hex')
  let next: string[]
  if (input.addMirror !== undefined) {
    if (now.includes(key)) throw DiscoError.invalidArgument(`mirror ${key.slice(0, 8)} is already one of the cooperative's mirrors`)
    next = [...now, key]
  } else {
    if (!now.includes(key)) throw DiscoError.invalidArgument(`mirror ${key.slice(0, 8)} is not one of the cooperative's mirrors`)
    next = now.filter(k => k !== key)
  }
  return next.map(k => b4a.from(k, 'hex'))
}

/**
 * A deadline from a duration (72h) or a date, refused here when apply would refuse it: it must
 * leave the minimum deliberation after the ledger time (or this machine's clock, when later).
 */
async function deadlineOf (node: LedgerNode, text: string, now: number): Promise<number> {
  const deadline = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseDate(text) * 86_400_000 : now + parseDuration(text) * 60_000
  const snap = node.snapshot()
  try {
    const earliest = Math.max(await getLedgerTime(snap), now) + (await getDeliberation(snap)).hours * HOUR_MS
    if (deadline < earliest) throw DiscoError.deadlineTooSoon(deadline, earliest)
    return deadline
  } finally {
    await snap.close()
  }
}
