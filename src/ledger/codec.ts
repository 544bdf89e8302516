import c from 'compact-encoding'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from './limits.js'
import { CARE_TARGETS, STREAMS } from './streams.js'
import { INVITE_ROLES, PATCH_FIELDS, PROTOCOL_VERSION } from './ops.js'
import type { CareTarget, Stream } from './streams.js'
import type { Money } from './currency.js'
import type {
  AdmitOp, AmendOp, BallotOp, CheckinOp, CloseOp, ContributionOp, ContributionPatch, DecideOp, DisputeOp, EndorseOp, FoundOp, Frame, IncomeOp,
  InviteOp, InviteRole, ObjectOp, Op, OpRef, OpType, Output, PaidOp, ProfileOp, ProposalAction, ProposeOp, Resolution, ResolveOp, RetractOp,
  SignedState, TreeNode, VoteOp
} from './ops.js'
import { RESOLUTIONS } from './ops.js'
import { DECISION_TYPES } from './decision.js'
import type { DecisionSpec, DecisionType } from './decision.js'
import { CAP_EXCESS, CARE_CREDITS, DATER_CREDITS, DEFAULT_RULES, LATE_POLICIES, VALUE_ROLES } from './rules.js'
import type { Cap, CapExcess, CareCredits, DaterCredits, LatePolicy, OutputUnit, Quota, Rules, ValueRole } from './rules.js'
import { PERIOD_KINDS } from './periods.js'
import type { PeriodKind } from './periods.js'
import { ROLES } from './roles.js'
import type { Role } from './roles.js'
import { AUDIENCES, CHOICES, PROPOSAL_KINDS } from './governance.js'
import type { Audience, Choice, ProposalKind } from './governance.js'

/**
 * The wire format of a block, protocol version 1 (compact-encoding):
 *
 *   frame  = uint version, uint time, uint count, op × count
 *   op     = uint type tag, body
 *
 * The decoder is strict: unknown tags, trailing bytes and non-canonical encodings (a varint
 * written longer than needed, invalid UTF-8) are errors, so that every valid frame has exactly one
 * byte form and a decode → encode round trip is byte-exact.
 */
type State = c.State

/** The op types after tag 16, each with its own tag (LATER_TAGS): a tick, and the decision types'. */
type LaterType = 'tick' | 'ballot' | 'object' | 'resolve' | 'decide'

const TYPE_TAGS: ReadonlyArray<Exclude<OpType, LaterType>> = [
  'found', 'contribution', 'amend', 'retract', 'profile', 'invite', 'admit', 'propose', 'vote', 'close', 'endorse', 'income', 'paid',
  'checkin', 'dispute'
]

/** A contribution with `forCoop` has a wire tag of its own, right after the op types, so that a
 * contribution without it keeps the bytes it had before federation existed. The next op type
 * appended to TYPE_TAGS takes 16: this tag is taken. */
const CONTRIBUTION_FOR_COOP_TAG = 15
if (TYPE_TAGS.length !== CONTRIBUTION_FOR_COOP_TAG) throw new Error('op type tag 15 is the forCoop contribution: give a new op type tag 16')
/** Op types added after tag 15, with their own tags. A `tick` has no body: its frame's time is all it says. */
const TICK_TAG = 16
/** A proposal that states its decision type (docs/governance.md, "Decision types"): the propose
 * body, then the decision. One without keeps tag 7 and its bytes. */
const PROPOSE_DECISION_TAG = 17
const LATER_TAGS = { ballot: 18, object: 19, resolve: 20, decide: 21 } as const
/** A contribution with an output (issue 22): its own tag, so that a contribution without one keeps
 * its bytes. The next free op tag is 23. */
const CONTRIBUTION_OUTPUT_TAG = 22

function enumTag<T extends string> (values: readonly T[], name: string): c.Encoder<T> {
  return {
    preencode (state, value) { c.uint.preencode(state, values.indexOf(value)) },
    encode (state, value) {
      const i = values.indexOf(value)
      if (i < 0) throw DiscoError.malformedFrame('unknown-value', { name, value: String(value) })
      c.uint.encode(state, i)
    },
    decode (state) {
      const i = c.uint.decode(state)
      const value = values[i]
      if (value === undefined) throw DiscoError.malformedFrame('unknown-tag', { name, tag: i })
      return value
    }
  }
}

const stream = enumTag<Stream>(STREAMS, 'stream')

/** 0 = none, then CARE_TARGETS in order */
const careFor: c.Encoder<CareTarget | null> = {
  preencode (state, v) { c.uint.preencode(state, v === null ? 0 : CARE_TARGETS.indexOf(v) + 1) },
  encode (state, v) {
    const i = v === null ? -1 : CARE_TARGETS.indexOf(v)
    if (v !== null && i < 0) throw DiscoError.malformedFrame('unknown-value', { name: 'care target', value: String(v) })
    c.uint.encode(state, i + 1)
  },
  decode (state) {
    const i = c.uint.decode(state)
    if (i === 0) return null
    const v = CARE_TARGETS[i - 1]
    if (v === undefined) throw DiscoError.malformedFrame('unknown-tag', { name: 'care target', tag: i })
    return v
  }
}

const money: c.Encoder<Money | null> = {
  preencode (state, v) {
    c.bool.preencode(state, v !== null)
    if (v !== null) { c.uint.preencode(state, v.amount); c.string.preencode(state, v.currency) }
  },
  encode (state, v) {
    c.bool.encode(state, v !== null)
    if (v !== null) { c.uint.encode(state, v.amount); c.string.encode(state, v.currency) }
  },
  decode (state) {
    if (!c.bool.decode(state)) return null
    return { amount: c.uint.decode(state), currency: c.string.decode(state) }
  }
}

/**
 * An encoder for a record: its fields in wire order, each with its encoder; `constant` holds what
 * is not on the wire (an op's `type`). The order of `fields` is the format: never reorder.
 */
type Fields<T> = ReadonlyArray<{ [K in keyof T]-?: readonly [K, c.Encoder<T[K]>] }[keyof T]>

function struct<T extends object> (fields: Fields<T>, constant: Partial<T> = {}): c.Encoder<T> {
  return {
    preencode (state, value) { for (const [k, e] of fields) (e as c.Encoder<unknown>).preencode(state, value[k]) },
    encode (state, value) { for (const [k, e] of fields) (e as c.Encoder<unknown>).encode(state, value[k]) },
    decode (state) {
      // Object.assign, not `{ ...constant }`: on Node 20 an object made by spreading, then given
      // a dozen fields, decodes 15-20 times slower (9 µs against 0.5 µs a contribution), which
      // made decoding the largest cost of apply's own work (bench P1, P6)
      const out: Partial<T> = Object.assign({}, constant)
      for (const [k, e] of fields) out[k] = e.decode(state) as T[typeof k]
      return out as T
    }
  }
}

const tags = c.array(c.string)

const amount = struct<Money>([['amount', c.uint], ['currency', c.string]])

const streamWeights = struct<Record<Stream, number>>([['livelihood', c.uint], ['love', c.uint], ['care', c.uint]])

const periodKind = enumTag<PeriodKind>(PERIOD_KINDS, 'period')
const careCredits = enumTag<CareCredits>(CARE_CREDITS, 'care credits')
const roleCareCredits = struct<Record<ValueRole, CareCredits>>([['member', careCredits], ['dater', careCredits], ['contributor', careCredits]])
const roleQuota = struct<Record<ValueRole, number>>([['member', c.uint], ['dater', c.uint], ['contributor', c.uint]])
const quota = struct<Quota>([['period', periodKind], ['credits', roleQuota]])
const cap = struct<Cap>([['amount', c.uint], ['currency', c.string], ['excess', enumTag<CapExcess>(CAP_EXCESS, 'cap excess')]])
const outputUnit = struct<OutputUnit>([['name', c.string], ['credits', c.uint], ['per', c.uint]])

/** The rules as they were before issue 22's accounting rules: the `rules` proposal kind's body. */
type BaseRules = Omit<Rules, NewRuleField>
type NewRuleField = 'period' | 'stages' | 'care' | 'quota' | 'cap' | 'units'
const BASE_RULE_FIELDS: Fields<BaseRules> = [
  ['rate', streamWeights], ['moneyRate', c.uint], ['split', streamWeights], ['careWeight', c.uint],
  ['daterCredits', enumTag<DaterCredits>(DATER_CREDITS, 'dater credits')], ['needsEndorsement', c.bool],
  ['late', enumTag<LatePolicy>(LATE_POLICIES, 'late policy')]
]
const baseRules = struct<BaseRules>(BASE_RULE_FIELDS)

/** The fields issue 22 added, at the values that change nothing: what a `rules` body decodes with. */
function newRuleDefaults (): Pick<Rules, NewRuleField> {
  const d = DEFAULT_RULES
  return {
    period: d.period,
    stages: [],
    care: { ...d.care },
    quota: { period: d.quota.period, credits: { ...d.quota.credits } },
    cap: { ...d.cap },
    units: []
  }
}

/** Whether a rule set says nothing the `rules` kind cannot: then it is written as one, so that
 * every rules proposal made before issue 22 keeps its bytes (one byte form per action). */
export function isBaseRuleSet (r: Rules): boolean {
  const d = DEFAULT_RULES
  return r.period === d.period && r.stages.length === 0 && r.units.length === 0 &&
    VALUE_ROLES.every(role => r.care[role] === d.care[role] && r.quota.credits[role] === d.quota.credits[role]) &&
    r.quota.period === d.quota.period &&
    r.cap.amount === d.cap.amount && r.cap.currency === d.cap.currency && r.cap.excess === d.cap.excess
}

/** The `rules` kind: the base rules; it decodes with issue 22's fields at their defaults. */
const rules: c.Encoder<Rules> = {
  preencode (state, r) { baseRules.preencode(state, r) },
  encode (state, r) { baseRules.encode(state, r) },
  decode (state) { return Object.assign(baseRules.decode(state), newRuleDefaults()) }
}

/** The `rule-set` kind (wire only, RULE_SET_KIND): the base rules, then the fields issue 22 added. */
const ruleSet = struct<Rules>([
  ...BASE_RULE_FIELDS,
  ['period', periodKind], ['stages', c.array(streamWeights)], ['care', roleCareCredits], ['quota', quota], ['cap', cap],
  ['units', c.array(outputUnit)]
] as Fields<Rules>)

/** An entry's output in an amend's patch: absent (a 0 byte, "no output") or present (1, the unit, the quantity). */
const outputStruct = struct<Output>([['unit', c.string], ['quantity', c.uint]])
const output: c.Encoder<Output | null> = {
  preencode (state, v) { c.bool.preencode(state, v !== null); if (v !== null) outputStruct.preencode(state, v) },
  encode (state, v) { c.bool.encode(state, v !== null); if (v !== null) outputStruct.encode(state, v) },
  decode (state) { return c.bool.decode(state) ? outputStruct.decode(state) : null }
}

const ref = struct<OpRef>([['writer', c.fixed32], ['seq', c.uint], ['index', c.uint]])

const found = struct<FoundOp>([['coopName', c.string], ['memberName', c.string]], { type: 'found' })

/** A contribution's body, as it was before outputs: one without an output is written with it alone
 * (tag 1, or 15 with forCoop) and so keeps its bytes; it decodes with `output: null`. */
const contribution = struct<ContributionOp>([
  ['stream', stream], ['minutes', c.uint], ['day', c.uint], ['description', c.string], ['project', c.string],
  ['tags', tags], ['client', c.string], ['commons', c.string], ['careFor', careFor], ['money', money], ['key', c.string]
], { type: 'contribution', output: null })

const contributionForCoop: c.Encoder<ContributionOp> = {
  preencode (state, o) { contribution.preencode(state, o); c.string.preencode(state, o.forCoop ?? '') },
  encode (state, o) { contribution.encode(state, o); c.string.encode(state, o.forCoop ?? '') },
  decode (state) {
    const o = contribution.decode(state)
    const forCoop = c.string.decode(state)
    // '' is written with the plain contribution tag: only one byte form per op
    if (forCoop === '') throw DiscoError.malformedFrame('empty-for-coop')
    return { ...o, forCoop }
  }
}

const hasForCoop = (o: Op): o is ContributionOp => o.type === 'contribution' && o.forCoop !== undefined && o.forCoop !== ''

/** A contribution with an output (tag CONTRIBUTION_OUTPUT_TAG): the contribution's body, the
 * output (always present here), then forCoop ('' for none: under this tag it is the one form of
 * "not for a federate", so an output and a forCoop combine). */
const contributionOutput: c.Encoder<ContributionOp> = {
  preencode (state, o) { contribution.preencode(state, o); outputStruct.preencode(state, o.output as Output); c.string.preencode(state, o.forCoop ?? '') },
  encode (state, o) { contribution.encode(state, o); outputStruct.encode(state, o.output as Output); c.string.encode(state, o.forCoop ?? '') },
  decode (state) {
    const o = contribution.decode(state)
    o.output = outputStruct.decode(state)
    const forCoop = c.string.decode(state)
    if (forCoop !== '') o.forCoop = forCoop
    return o
  }
}

const hasOutput = (o: Op): o is ContributionOp => o.type === 'contribution' && o.output !== null && o.output !== undefined

/** One encoder per patchable field, in PATCH_FIELDS order. */
const PATCH_ENCODERS: { [K in typeof PATCH_FIELDS[number]]: c.Encoder<NonNullable<ContributionPatch[K]> | null> } = {
  stream: stream as c.Encoder<Stream | null>,
  minutes: c.uint as c.Encoder<number | null>,
  day: c.uint as c.Encoder<number | null>,
  description: c.string as c.Encoder<string | null>,
  project: c.string as c.Encoder<string | null>,
  tags: tags as c.Encoder<string[] | null>,
  client: c.string as c.Encoder<string | null>,
  commons: c.string as c.Encoder<string | null>,
  careFor,
  money,
  output
}

function patchMask (patch: ContributionPatch): number {
  let mask = 0
  PATCH_FIELDS.forEach((field, i) => { if (patch[field] !== undefined) mask |= 1 << i })
  return mask
}

const amend: c.Encoder<AmendOp> = {
  preencode (state, op) {
    ref.preencode(state, op.target)
    c.uint.preencode(state, patchMask(op.patch))
    for (const field of PATCH_FIELDS) {
      const v = op.patch[field]
      if (v !== undefined) PATCH_ENCODERS[field].preencode(state, v as never)
    }
  },
  encode (state, op) {
    ref.encode(state, op.target)
    c.uint.encode(state, patchMask(op.patch))
    for (const field of PATCH_FIELDS) {
      const v = op.patch[field]
      if (v !== undefined) PATCH_ENCODERS[field].encode(state, v as never)
    }
  },
  decode (state) {
    const target = ref.decode(state)
    const mask = c.uint.decode(state)
    if (mask >= 1 << PATCH_FIELDS.length) throw DiscoError.malformedFrame('amend-mask', { mask })
    const patch: Record<string, unknown> = {}
    PATCH_FIELDS.forEach((field, i) => {
      if ((mask & (1 << i)) !== 0) patch[field] = PATCH_ENCODERS[field].decode(state)
    })
    return { type: 'amend', target, patch: patch as ContributionPatch }
  }
}

const retract = struct<RetractOp>([['target', ref], ['reason', c.string]], { type: 'retract' })

const profile = struct<ProfileOp>([['name', c.string]], { type: 'profile' })

const inviteRole = enumTag<InviteRole>(INVITE_ROLES, 'invite role')

const invite = struct<InviteOp>([['inviteId', c.fixed32], ['publicKey', c.fixed32], ['role', inviteRole], ['expires', c.uint]], { type: 'invite' })

const admit = struct<AdmitOp>([['inviteId', c.fixed32], ['writer', c.fixed32], ['proof', c.fixed64]], { type: 'admit' })

const role = enumTag<Role>(ROLES, 'role')
const kind = enumTag<ProposalKind>(PROPOSAL_KINDS, 'proposal kind')
/** A `rules` action whose rule set uses issue 22's fields (isBaseRuleSet false) goes on the wire
 * as a kind of its own, `rule-set`, right after PROPOSAL_KINDS, carrying the whole rule set; it
 * decodes to a `rules` action. The next proposal kind appended to PROPOSAL_KINDS takes 16. */
const RULE_SET_KIND = 15
if (PROPOSAL_KINDS.length !== RULE_SET_KIND) throw new Error('proposal kind 15 is the rule set on the wire: give a new proposal kind 16')
/** the rule set of an action that goes as `rule-set`, else null */
const ruleSetOf = (a: ProposalAction): Rules | null => a.kind === 'rules' && !isBaseRuleSet(a.rules) ? a.rules : null
const audience = enumTag<Audience>(AUDIENCES, 'audience')
const choice = enumTag<Choice>(CHOICES, 'vote')
const keyList = c.array(c.fixed32)

const action: c.Encoder<ProposalAction> = {
  preencode (state, a) {
    const set = ruleSetOf(a)
    if (set !== null) { c.uint.preencode(state, RULE_SET_KIND); ruleSet.preencode(state, set); return }
    kind.preencode(state, a.kind)
    switch (a.kind) {
      case 'admit': c.fixed32.preencode(state, a.writer); role.preencode(state, a.role); c.string.preencode(state, a.name); break
      case 'role': c.fixed32.preencode(state, a.member); role.preencode(state, a.role); break
      case 'remove': c.fixed32.preencode(state, a.member); break
      case 'indexers': keyList.preencode(state, a.devices); break
      case 'protocol': c.uint.preencode(state, a.version); break
      case 'motion': break
      case 'rules': rules.preencode(state, a.rules); break
      case 'distribute': c.string.preencode(state, a.month); amount.preencode(state, a.pool); break
      case 'federate': c.fixed32.preencode(state, a.key); c.fixed32.preencode(state, a.topic); c.string.preencode(state, a.name); break
      case 'unfederate': c.fixed32.preencode(state, a.key); break
      case 'trust': c.fixed32.preencode(state, a.key); c.uint.preencode(state, a.value); c.uint.preencode(state, a.stage); break
      case 'checkins': c.uint.preencode(state, a.days); break
      case 'deliberation': c.uint.preencode(state, a.hours); break
      case 'mirrors': keyList.preencode(state, a.keys); break
      case 'onboarding': c.fixed32.preencode(state, a.member); c.uint.preencode(state, a.stage); break
    }
  },
  encode (state, a) {
    const set = ruleSetOf(a)
    if (set !== null) { c.uint.encode(state, RULE_SET_KIND); ruleSet.encode(state, set); return }
    kind.encode(state, a.kind)
    switch (a.kind) {
      case 'admit': c.fixed32.encode(state, a.writer); role.encode(state, a.role); c.string.encode(state, a.name); break
      case 'role': c.fixed32.encode(state, a.member); role.encode(state, a.role); break
      case 'remove': c.fixed32.encode(state, a.member); break
      case 'indexers': keyList.encode(state, a.devices); break
      case 'protocol': c.uint.encode(state, a.version); break
      case 'motion': break
      case 'rules': rules.encode(state, a.rules); break
      case 'distribute': c.string.encode(state, a.month); amount.encode(state, a.pool); break
      case 'federate': c.fixed32.encode(state, a.key); c.fixed32.encode(state, a.topic); c.string.encode(state, a.name); break
      case 'unfederate': c.fixed32.encode(state, a.key); break
      case 'trust': c.fixed32.encode(state, a.key); c.uint.encode(state, a.value); c.uint.encode(state, a.stage); break
      case 'checkins': c.uint.encode(state, a.days); break
      case 'deliberation': c.uint.encode(state, a.hours); break
      case 'mirrors': keyList.encode(state, a.keys); break
      case 'onboarding': c.fixed32.encode(state, a.member); c.uint.encode(state, a.stage); break
    }
  },
  decode (state) {
    const start = state.start
    // a rule set with only base rules is not canonical here: decodeFrame's re-encode refuses it
    if (c.uint.decode(state) === RULE_SET_KIND) return { kind: 'rules', rules: ruleSet.decode(state) }
    state.start = start
    const k = kind.decode(state)
    switch (k) {
      case 'admit': return { kind: k, writer: c.fixed32.decode(state), role: role.decode(state), name: c.string.decode(state) }
      case 'role': return { kind: k, member: c.fixed32.decode(state), role: role.decode(state) }
      case 'remove': return { kind: k, member: c.fixed32.decode(state) }
      case 'indexers': return { kind: k, devices: keyList.decode(state) }
      case 'protocol': return { kind: k, version: c.uint.decode(state) }
      case 'motion': return { kind: k }
      case 'rules': return { kind: k, rules: rules.decode(state) }
      case 'distribute': return { kind: k, month: c.string.decode(state), pool: amount.decode(state) }
      case 'federate': return { kind: k, key: c.fixed32.decode(state), topic: c.fixed32.decode(state), name: c.string.decode(state) }
      case 'unfederate': return { kind: k, key: c.fixed32.decode(state) }
      case 'trust': return { kind: k, key: c.fixed32.decode(state), value: c.uint.decode(state), stage: c.uint.decode(state) }
      case 'checkins': return { kind: k, days: c.uint.decode(state) }
      case 'deliberation': return { kind: k, hours: c.uint.decode(state) }
      case 'mirrors': return { kind: k, keys: keyList.decode(state) }
      case 'onboarding': return { kind: k, member: c.fixed32.decode(state), stage: c.uint.decode(state) }
    }
  }
}

const propose = struct<ProposeOp>([['action', action], ['text', c.string], ['audience', audience], ['deadline', c.uint]], { type: 'propose' })

const vote = struct<VoteOp>([['proposal', ref], ['choice', choice], ['reason', c.string]], { type: 'vote' })

const close = struct<CloseOp>([['proposal', ref]], { type: 'close' })

const decisionSpec = struct<DecisionSpec>([
  ['type', enumTag<DecisionType>(DECISION_TYPES, 'decision type')], ['options', c.array(c.string)], ['budget', c.uint]
])

const proposeDecision: c.Encoder<ProposeOp> = {
  preencode (state, o) { propose.preencode(state, o); decisionSpec.preencode(state, o.decision as DecisionSpec) },
  encode (state, o) { propose.encode(state, o); decisionSpec.encode(state, o.decision as DecisionSpec) },
  decode (state) {
    const o = propose.decode(state)
    return { ...o, decision: decisionSpec.decode(state) }
  }
}

const hasDecision = (o: Op): o is ProposeOp => o.type === 'propose' && o.decision !== undefined

const ballot = struct<BallotOp>([['proposal', ref], ['values', c.array(c.uint)], ['reason', c.string]], { type: 'ballot' })

const objection = struct<ObjectOp>([['proposal', ref], ['reason', c.string]], { type: 'object' })

const resolve = struct<ResolveOp>([
  ['proposal', ref], ['objection', ref], ['outcome', enumTag<Resolution>(RESOLUTIONS, 'resolution')], ['note', c.string]
], { type: 'resolve' })

const decide = struct<DecideOp>([['proposal', ref], ['adopt', c.bool], ['reason', c.string]], { type: 'decide' })

const LATER: { [T in keyof typeof LATER_TAGS]: c.Encoder<Extract<Op, { type: T }>> } = { ballot, object: objection, resolve, decide }
const LATER_BY_TAG = new Map<number, c.Encoder<Op>>(Object.entries(LATER_TAGS).map(([type, tag]) => [tag, LATER[type as keyof typeof LATER_TAGS] as c.Encoder<Op>]))
const isLater = (o: Op): o is Extract<Op, { type: keyof typeof LATER_TAGS }> => o.type in LATER_TAGS

const endorse = struct<EndorseOp>([['target', ref]], { type: 'endorse' })

const income = struct<IncomeOp>([
  ['money', amount], ['client', c.string], ['day', c.uint], ['description', c.string], ['key', c.string]
], { type: 'income' })

const paid = struct<PaidOp>([['month', c.string], ['day', c.uint], ['reference', c.string]], { type: 'paid' })

const signedState = struct<SignedState>([['length', c.uint], ['fork', c.uint], ['treeHash', c.fixed32], ['signature', c.buffer]])

const checkin = struct<CheckinOp>([
  ['federate', c.fixed32], ['manifest', c.buffer], ['length', c.uint], ['fork', c.uint], ['treeHash', c.fixed32], ['signature', c.buffer]
], { type: 'checkin' })

const treeNodes = c.array(struct<TreeNode>([['index', c.uint], ['size', c.uint], ['hash', c.fixed32]]))

const dispute = struct<DisputeOp>([
  ['federate', c.fixed32], ['manifest', c.buffer], ['witnessed', signedState], ['observed', signedState],
  ['prefix', treeNodes], ['extension', treeNodes]
], { type: 'dispute' })

const BODIES: { [T in Exclude<OpType, LaterType>]: c.Encoder<Extract<Op, { type: T }>> } = {
  found, contribution, amend, retract, profile, invite, admit, propose, vote, close, endorse, income, paid, checkin, dispute
}

const typeTag = enumTag<Exclude<OpType, LaterType>>(TYPE_TAGS, 'op type')

const op: c.Encoder<Op> = {
  preencode (state, o) {
    if (o.type === 'tick') { c.uint.preencode(state, TICK_TAG); return }
    if (hasOutput(o)) { c.uint.preencode(state, CONTRIBUTION_OUTPUT_TAG); contributionOutput.preencode(state, o); return }
    if (hasForCoop(o)) { c.uint.preencode(state, CONTRIBUTION_FOR_COOP_TAG); contributionForCoop.preencode(state, o); return }
    if (hasDecision(o)) { c.uint.preencode(state, PROPOSE_DECISION_TAG); proposeDecision.preencode(state, o); return }
    if (isLater(o)) { c.uint.preencode(state, LATER_TAGS[o.type]); (LATER[o.type] as c.Encoder<Op>).preencode(state, o); return }
    typeTag.preencode(state, o.type); (BODIES[o.type] as c.Encoder<Op>).preencode(state, o)
  },
  encode (state, o) {
    if (o.type === 'tick') { c.uint.encode(state, TICK_TAG); return }
    if (hasOutput(o)) { c.uint.encode(state, CONTRIBUTION_OUTPUT_TAG); contributionOutput.encode(state, o); return }
    if (hasForCoop(o)) { c.uint.encode(state, CONTRIBUTION_FOR_COOP_TAG); contributionForCoop.encode(state, o); return }
    if (hasDecision(o)) { c.uint.encode(state, PROPOSE_DECISION_TAG); proposeDecision.encode(state, o); return }
    if (isLater(o)) { c.uint.encode(state, LATER_TAGS[o.type]); (LATER[o.type] as c.Encoder<Op>).encode(state, o); return }
    typeTag.encode(state, o.type); (BODIES[o.type] as c.Encoder<Op>).encode(state, o)
  },
  decode (state) {
    const start = state.start
    const tag = c.uint.decode(state)
    if (tag === CONTRIBUTION_FOR_COOP_TAG) return contributionForCoop.decode(state)
    if (tag === TICK_TAG) return { type: 'tick' }
    if (tag === PROPOSE_DECISION_TAG) return proposeDecision.decode(state)
    if (tag === CONTRIBUTION_OUTPUT_TAG) return contributionOutput.decode(state)
    const later = LATER_BY_TAG.get(tag)
    if (later !== undefined) return later.decode(state)
    state.start = start
    return (BODIES[typeTag.decode(state)] as c.Encoder<Op>).decode(state)
  }
}

const frame: c.Encoder<Frame> = {
  preencode (state, f) {
    c.uint.preencode(state, f.version)
    c.uint.preencode(state, f.time)
    c.uint.preencode(state, f.ops.length)
    for (const o of f.ops) op.preencode(state, o)
  },
  encode (state, f) {
    c.uint.encode(state, f.version)
    c.uint.encode(state, f.time)
    c.uint.encode(state, f.ops.length)
    for (const o of f.ops) op.encode(state, o)
  },
  decode (state) {
    const version = c.uint.decode(state)
    if (version !== PROTOCOL_VERSION) throw DiscoError.malformedFrame('no-decoder', { version })
    const time = c.uint.decode(state)
    const count = c.uint.decode(state)
    if (count === 0 || count > MAX_OPS_PER_FRAME) throw DiscoError.malformedFrame('op-count', { count, max: MAX_OPS_PER_FRAME })
    const ops: Op[] = []
    for (let i = 0; i < count; i++) ops.push(op.decode(state))
    return { version, time, ops }
  }
}

/**
 * A frame's bytes. `opBytes`, when given, is what its ops take (the sum of their encodedOpLength,
 * which packing has counted already): the ops are then encoded in one pass instead of being
 * measured again first (bench P1: a thousand ops a block of an import). The same bytes either way.
 */
export function encodeFrame (f: Frame, opBytes?: number): Uint8Array {
  if (f.ops.length === 0 || f.ops.length > MAX_OPS_PER_FRAME) {
    throw DiscoError.malformedFrame('op-count', { count: f.ops.length, max: MAX_OPS_PER_FRAME })
  }
  const state = c.state()
  if (opBytes === undefined) {
    frame.preencode(state, f)
  } else {
    c.uint.preencode(state, f.version)
    c.uint.preencode(state, f.time)
    c.uint.preencode(state, f.ops.length)
    state.end += opBytes
  }
  const length = state.end
  state.buffer = b4a.allocUnsafe(length)
  frame.encode(state, f)
  // a wrong opBytes would leave bytes unwritten or write past the end: a bug, never a frame
  if (state.start !== length) throw new Error(`encodeFrame: the ops took ${state.start} bytes of ${length}`)
  if (length > MAX_FRAME_BYTES) throw DiscoError.frameTooLarge(length, MAX_FRAME_BYTES)
  return state.buffer
}

/** The bytes one op adds to a frame: what packing counts against MAX_FRAME_BYTES. */
export function encodedOpLength (o: Op): number {
  const state: State = { start: 0, end: 0, buffer: null }
  op.preencode(state, o)
  return state.end
}

/** The size of a frame's header with `count` ops, at most: version, a 9-byte time, count. */
export const FRAME_HEADER_MAX = 1 + 9 + 3

/** The protocol version a block claims, read without decoding the rest. */
export function peekVersion (buf: Uint8Array): number {
  try {
    return c.uint.decode({ start: 0, end: buf.byteLength, buffer: buf })
  } catch {
    throw DiscoError.malformedFrame('no-version-header')
  }
}

export function decodeFrame (buf: Uint8Array): Frame {
  if (buf.byteLength > MAX_FRAME_BYTES) throw DiscoError.frameTooLarge(buf.byteLength, MAX_FRAME_BYTES)
  const state: State = { start: 0, end: buf.byteLength, buffer: buf }
  let f: Frame
  try {
    f = frame.decode(state)
  } catch (err) {
    if (err instanceof DiscoError) throw err
    // not the decoder library's own words: a release of it could reword them, and the rejection
    throw DiscoError.malformedFrame('undecodable')
  }
  if (state.start !== state.end) throw DiscoError.malformedFrame('trailing-bytes', { bytes: state.end - state.start })
  // One byte form per frame: a re-encode must give back exactly what arrived.
  let again: Uint8Array
  try {
    again = c.encode(frame, f)
  } catch {
    throw DiscoError.malformedFrame('cannot-re-encode')
  }
  if (!b4a.equals(again, buf)) throw DiscoError.malformedFrame('not-canonical')
  return f
}
