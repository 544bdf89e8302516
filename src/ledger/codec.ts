import c from 'compact-encoding'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from './limits.js'
import { CARE_TARGETS, STREAMS } from './streams.js'
import { INVITE_ROLES, PATCH_FIELDS, PROTOCOL_VERSION } from './ops.js'
import type { CareTarget, Stream } from './streams.js'
import type { Money } from './currency.js'
import type {
  AdmitOp, AmendOp, Output, CheckinOp, CloseOp, ContributionOp, ContributionPatch, DisputeOp, EndorseOp, FoundOp, Frame, IncomeOp, InviteOp,
  InviteRole, Op, OpRef, OpType, PaidOp, ProfileOp, ProposalAction, ProposeOp, RetractOp, SignedState, TreeNode, VoteOp
} from './ops.js'
import { CAP_EXCESS, CARE_CREDITS, DATER_CREDITS, LATE_POLICIES } from './rules.js'
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

const TYPE_TAGS: ReadonlyArray<Exclude<OpType, 'tick'>> = [
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

/** The whole rule set; the fields after `late` (period … units) came with the accounting rules of
 * issue 22, in protocol version 1 before its release. */
const rules = struct<Rules>([
  ['rate', streamWeights], ['moneyRate', c.uint], ['split', streamWeights], ['careWeight', c.uint],
  ['daterCredits', enumTag<DaterCredits>(DATER_CREDITS, 'dater credits')], ['needsEndorsement', c.bool],
  ['late', enumTag<LatePolicy>(LATE_POLICIES, 'late policy')],
  ['period', periodKind], ['stages', c.array(streamWeights)], ['care', roleCareCredits], ['quota', quota], ['cap', cap],
  ['units', c.array(outputUnit)]
])

/** An entry's output: absent (a 0 byte) or present (1, the unit, the quantity). */
const outputStruct = struct<Output>([['unit', c.string], ['quantity', c.uint]])
const output: c.Encoder<Output | null> = {
  preencode (state, v) { c.bool.preencode(state, v !== null); if (v !== null) outputStruct.preencode(state, v) },
  encode (state, v) { c.bool.encode(state, v !== null); if (v !== null) outputStruct.encode(state, v) },
  decode (state) { return c.bool.decode(state) ? outputStruct.decode(state) : null }
}

const ref = struct<OpRef>([['writer', c.fixed32], ['seq', c.uint], ['index', c.uint]])

const found = struct<FoundOp>([['coopName', c.string], ['memberName', c.string]], { type: 'found' })

const contribution = struct<ContributionOp>([
  ['stream', stream], ['minutes', c.uint], ['day', c.uint], ['description', c.string], ['project', c.string],
  ['tags', tags], ['client', c.string], ['commons', c.string], ['careFor', careFor], ['money', money], ['key', c.string],
  ['output', output]
], { type: 'contribution' })

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
const audience = enumTag<Audience>(AUDIENCES, 'audience')
const choice = enumTag<Choice>(CHOICES, 'vote')
const keyList = c.array(c.fixed32)

const action: c.Encoder<ProposalAction> = {
  preencode (state, a) {
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

const BODIES: { [T in Exclude<OpType, 'tick'>]: c.Encoder<Extract<Op, { type: T }>> } = {
  found, contribution, amend, retract, profile, invite, admit, propose, vote, close, endorse, income, paid, checkin, dispute
}

const typeTag = enumTag<Exclude<OpType, 'tick'>>(TYPE_TAGS, 'op type')

const op: c.Encoder<Op> = {
  preencode (state, o) {
    if (o.type === 'tick') { c.uint.preencode(state, TICK_TAG); return }
    if (hasForCoop(o)) { c.uint.preencode(state, CONTRIBUTION_FOR_COOP_TAG); contributionForCoop.preencode(state, o); return }
    typeTag.preencode(state, o.type); (BODIES[o.type] as c.Encoder<Op>).preencode(state, o)
  },
  encode (state, o) {
    if (o.type === 'tick') { c.uint.encode(state, TICK_TAG); return }
    if (hasForCoop(o)) { c.uint.encode(state, CONTRIBUTION_FOR_COOP_TAG); contributionForCoop.encode(state, o); return }
    typeTag.encode(state, o.type); (BODIES[o.type] as c.Encoder<Op>).encode(state, o)
  },
  decode (state) {
    const start = state.start
    const tag = c.uint.decode(state)
    if (tag === CONTRIBUTION_FOR_COOP_TAG) return contributionForCoop.decode(state)
    if (tag === TICK_TAG) return { type: 'tick' }
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

export function encodeFrame (f: Frame): Uint8Array {
  if (f.ops.length === 0 || f.ops.length > MAX_OPS_PER_FRAME) {
    throw DiscoError.malformedFrame('op-count', { count: f.ops.length, max: MAX_OPS_PER_FRAME })
  }
  const buf = c.encode(frame, f)
  if (buf.byteLength > MAX_FRAME_BYTES) throw DiscoError.frameTooLarge(buf.byteLength, MAX_FRAME_BYTES)
  return buf
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
