/**
 * fast-check arbitraries for every op type and for frames, and the two checks the decoder must
 * pass whatever it is given. Shared by `test/fuzz.test.ts` (100,000 cases in `npm test`) and
 * `bench/fuzz.ts` (`npm run fuzz`, 1,000,000 cases). It lives under bench/ so that it is built.
 *
 * Every op these arbitraries make is valid (it passes `validateOpWithSignatures`): text within the byte limits
 * of `ledger/limits.ts`, no control characters where the validator refuses them, numbers within
 * their ranges, stream-specific fields only on their stream. Values sit on the edges often: texts
 * filled up to their byte limit, varints at their size boundaries, money at 0 and 10^15.
 */
import { MAX_DELIBERATION_HOURS } from '../src/ledger/ledger-time.js'
import fc from 'fast-check'
import c from 'compact-encoding'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import { isDeepStrictEqual } from 'node:util'
import { DiscoError } from '../src/errors.js'
import { decodeFrame, encodeFrame, encodedOpLength, FRAME_HEADER_MAX } from '../src/ledger/codec.js'
import { isCurrency } from '../src/ledger/currency.js'
import { AUDIENCES, CHOICES } from '../src/ledger/governance.js'
import { LIMITS, MAX_DAY, MAX_FRAME_BYTES, MAX_MINUTES, MAX_MONEY_MINOR, MAX_OPS_PER_FRAME, MIN_DAY } from '../src/ledger/limits.js'
import { INVITE_ROLES, PROTOCOL_VERSION, RESOLUTIONS } from '../src/ledger/ops.js'
import { BUDGET_RANGE, DECISION_TYPES, isPoll } from '../src/ledger/decision.js'
import type { DecisionSpec } from '../src/ledger/decision.js'
import type {
  BallotOp, DecideOp, ObjectOp, ResolveOp,
  AdmitOp, AmendOp, CloseOp, ContributionOp, ContributionPatch, EndorseOp, FoundOp, Frame, IncomeOp, InviteOp, Op, OpRef, PaidOp, ProfileOp, TickOp,
  ProposalAction, ProposeOp, RetractOp, VoteOp
} from '../src/ledger/ops.js'
import { ROLES } from '../src/ledger/roles.js'
import { CARE_TARGETS, STREAMS } from '../src/ledger/streams.js'
import type { Stream } from '../src/ledger/streams.js'
import { CAP_EXCESS, CARE_CREDITS, DATER_CREDITS, LATE_POLICIES, RULE_LIMITS, copyRules } from '../src/ledger/rules.js'
import { PERIOD_KINDS } from '../src/ledger/periods.js'
import { MAX_OUTPUT_QUANTITY } from '../src/ledger/limits.js'
import type { Rules } from '../src/ledger/rules.js'
import type { Money } from '../src/ledger/currency.js'
import { validateOpWithSignatures } from '../src/consensus/validate-op.js'
import { SIGNED_CHECKINS, SIGNED_DISPUTES } from './federation-fixtures.js'

// --- numbers -----------------------------------------------------------------------------------

/** compact-encoding's varint changes size at these: 1, 3, 5 and 9 bytes. */
const VARINT_EDGES = [0, 1, 0xfc, 0xfd, 0xffff, 0x10000, 0xffffffff, 0x100000000, Number.MAX_SAFE_INTEGER]

/** Any safe non-negative integer, often a small one or a varint size boundary. */
export const safeNat: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(300) },
  { weight: 2, arbitrary: fc.nat() },
  { weight: 2, arbitrary: fc.maxSafeNat() },
  { weight: 2, arbitrary: fc.constantFrom(...VARINT_EDGES) }
)

const between = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min, max) })

export const minutes = between(1, MAX_MINUTES)
export const day = between(MIN_DAY, MAX_DAY)
/** a positive safe integer (invite expiry, protocol version in a proposal) */
const positive = safeNat.map(n => Math.max(1, n))

// --- text --------------------------------------------------------------------------------------

/** The longest prefix of `s` (whole code points) that fits in `max` UTF-8 bytes. */
export function fitBytes (s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s
  let out = ''
  let bytes = 0
  for (const ch of s) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > max) break
    out += ch
    bytes += n
  }
  return out
}

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/g
/** bidirectional controls: checkText refuses them (they disguise what text says) */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g
const FILLERS = ['x', 'é', '€', '🌱', ' ', '\u0085']

interface TextOptions { required?: boolean, multiline?: boolean }

/** Text that `checkText(field, value, max, opts)` accepts. */
export function text (max: number, opts: TextOptions = {}): fc.Arbitrary<string> {
  const raw = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: Math.min(max, 40) }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '李', '🌱', '\u200d', '\ufeff'), maxLength: 30 }) },
    // at (or just under) the byte limit, in 1- to 4-byte characters
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FILLERS), fc.nat(3)).map(([ch, slack]) => fitBytes(ch.repeat(max), Math.max(0, max - slack))) }
  )
  return raw.map(s => {
    let v = s.replace(opts.multiline === true ? CONTROL : CONTROL_OR_NEWLINE, '_').replace(BIDI, '_')
    if (opts.required === true && v.trim() === '') v = 'a' + v
    return fitBytes(v, max)
  })
}

// --- fields ------------------------------------------------------------------------------------

/** Every ISO 4217 code the currency table knows. */
export const CURRENCIES: string[] = (() => {
  const out: string[] = []
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  for (const a of A) for (const b of A) for (const d of A) if (isCurrency(a + b + d)) out.push(a + b + d)
  return out
})()

export const money: fc.Arbitrary<Money> = fc.record({
  amount: fc.oneof(
    { weight: 2, arbitrary: fc.nat(1_000_000) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: BigInt(MAX_MONEY_MINOR) }).map(Number) },
    { weight: 1, arbitrary: fc.constantFrom(0, MAX_MONEY_MINOR, ...VARINT_EDGES.filter(n => n <= MAX_MONEY_MINOR)) }
  ),
  currency: fc.constantFrom(...CURRENCIES)
}).map(m => ({ amount: m.amount, currency: m.currency }))

/** A 32-byte key, as a Buffer (what the decoder hands back). */
export const key32: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ minLength: 32, maxLength: 32 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0xff).map(b => new Uint8Array(32).fill(b)) }
).map(u => Buffer.from(u))

export const ref: fc.Arbitrary<OpRef> = fc.record({ writer: key32, seq: safeNat, index: safeNat })
  .map(r => ({ writer: r.writer, seq: r.seq, index: r.index }))

const tag = text(LIMITS.tag, { required: true })
export const tags: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map((): string[] => []) },
  { weight: 3, arbitrary: fc.uniqueArray(tag, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.uniqueArray(tag, { minLength: LIMITS.tags - 1, maxLength: LIMITS.tags }) }
)

const description = text(LIMITS.description, { multiline: true })
const project = text(LIMITS.project)
const client = text(LIMITS.client)
const commons = text(LIMITS.commons)

// --- ops ---------------------------------------------------------------------------------------

export const foundOp: fc.Arbitrary<FoundOp> = fc.tuple(text(LIMITS.coopName, { required: true }), text(LIMITS.memberName, { required: true }))
  .map(([coopName, memberName]) => ({ type: 'found', coopName, memberName }))

/** An entry's output: a unit name and a whole quantity (whether the rules name the unit is apply's business). */
const unitName = fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/)
const output = fc.record({ unit: unitName, quantity: between(1, MAX_OUTPUT_QUANTITY) }).map(o => ({ unit: o.unit, quantity: o.quantity }))

/** A valid contribution: stream-specific fields only on their stream. */
export const contributionOp: fc.Arbitrary<ContributionOp> = fc.record({
  stream: fc.constantFrom(...STREAMS),
  minutes,
  day,
  description,
  project,
  tags,
  client,
  commons,
  careFor: fc.constantFrom(...CARE_TARGETS),
  money: fc.option(money, { freq: 2 }),
  output: fc.option(output, { freq: 3 }),
  key: text(LIMITS.key),
  // work for a federate (a wire tag of its own), now and then
  forCoop: fc.option(key32.map(k => k.toString('hex')), { freq: 4 })
}).map(r => ({
  ...(r.forCoop !== null ? { forCoop: r.forCoop } : {}),
  type: 'contribution',
  stream: r.stream,
  minutes: r.minutes,
  day: r.day,
  description: r.description,
  project: r.project,
  tags: r.tags,
  client: r.stream === 'livelihood' ? r.client : '',
  commons: r.stream === 'love' ? r.commons : '',
  careFor: r.stream === 'care' ? r.careFor : null,
  money: r.stream === 'livelihood' ? r.money : null,
  output: r.output,
  key: r.key
}))

/** A patch with at least one field, each valid on its own (the merged entry is apply's business). */
export const patch: fc.Arbitrary<ContributionPatch> = fc.record({
  stream: fc.constantFrom(...STREAMS),
  minutes,
  day,
  description,
  project,
  tags,
  client,
  commons,
  careFor: fc.option(fc.constantFrom(...CARE_TARGETS)),
  money: fc.option(money),
  output: fc.option(output)
}, { requiredKeys: [] })
  .filter(p => Object.keys(p).length > 0)
  .map(p => ({ ...p }) as ContributionPatch)

export const amendOp: fc.Arbitrary<AmendOp> = fc.tuple(ref, patch).map(([target, p]) => ({ type: 'amend', target, patch: p }))

export const retractOp: fc.Arbitrary<RetractOp> = fc.tuple(ref, text(LIMITS.reason, { multiline: true }))
  .map(([target, reason]) => ({ type: 'retract', target, reason }))

export const profileOp: fc.Arbitrary<ProfileOp> = text(LIMITS.memberName, { required: true }).map(name => ({ type: 'profile', name }))

export const inviteOp: fc.Arbitrary<InviteOp> = fc.tuple(key32, key32, fc.constantFrom(...INVITE_ROLES), positive)
  .map(([inviteId, publicKey, role, expires]) => ({ type: 'invite', inviteId, publicKey, role, expires }))

/** A 64-byte signature-sized value. */
const bytes64: fc.Arbitrary<Buffer> = fc.uint8Array({ minLength: 64, maxLength: 64 }).map(u => Buffer.from(u))

export const admitOp: fc.Arbitrary<AdmitOp> = fc.tuple(key32, key32, bytes64).map(([inviteId, writer, proof]) => ({ type: 'admit', inviteId, writer, proof }))

const role = fc.constantFrom(...ROLES)

/** YYYY-MM within the dates the ledger accepts */
const month = fc.oneof(
  fc.tuple(between(2000, 2099), between(1, 12)).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  // or a quarter: distributions and payments name a period (ledger/periods.ts)
  fc.tuple(between(2000, 2099), between(1, 4)).map(([y, q]) => `${y}-Q${q}`)
)
const positiveMoney = money.filter(m => m.amount > 0)
const streamWeights = (max: number): fc.Arbitrary<Record<Stream, number>> =>
  fc.record({ livelihood: between(0, max), love: between(0, max), care: between(0, max) })
const rules: fc.Arbitrary<Rules> = fc.record({
  rate: streamWeights(RULE_LIMITS.rate),
  moneyRate: between(0, RULE_LIMITS.moneyRate),
  split: streamWeights(RULE_LIMITS.split).filter(s => s.livelihood + s.love + s.care > 0),
  careWeight: between(0, RULE_LIMITS.careWeight),
  daterCredits: fc.constantFrom(...DATER_CREDITS),
  needsEndorsement: fc.boolean(),
  late: fc.constantFrom(...LATE_POLICIES),
  period: fc.constantFrom(...PERIOD_KINDS),
  stages: fc.array(streamWeights(RULE_LIMITS.share), { maxLength: RULE_LIMITS.stages }),
  care: fc.record({ member: fc.constantFrom(...CARE_CREDITS), dater: fc.constantFrom(...CARE_CREDITS), contributor: fc.constantFrom(...CARE_CREDITS) }),
  quota: fc.record({ period: fc.constantFrom(...PERIOD_KINDS), credits: fc.record({ member: between(0, RULE_LIMITS.quota), dater: between(0, RULE_LIMITS.quota), contributor: between(0, RULE_LIMITS.quota) }) }),
  cap: fc.oneof(
    fc.constant(null).map(() => ({ amount: 0, currency: '', excess: 'share' as const })),
    fc.tuple(positiveMoney, fc.constantFrom(...CAP_EXCESS)).map(([m, excess]) => ({ amount: m.amount, currency: m.currency, excess }))
  ),
  units: fc.uniqueArray(fc.record({ name: unitName, credits: between(0, RULE_LIMITS.unitCredits), per: between(1, RULE_LIMITS.unitPer) }), { maxLength: RULE_LIMITS.units, selector: u => u.name })
// plain objects: fc.record may make null-prototype ones, which never equal what the decoder builds
}).map(copyRules)
export const action: fc.Arbitrary<ProposalAction> = fc.oneof(
  fc.tuple(key32, role, text(LIMITS.memberName, { required: true })).map(([writer, r, name]): ProposalAction => ({ kind: 'admit', writer, role: r, name })),
  fc.tuple(key32, role).map(([member, r]): ProposalAction => ({ kind: 'role', member, role: r })),
  key32.map((member): ProposalAction => ({ kind: 'remove', member })),
  fc.uniqueArray(key32, { minLength: 1, maxLength: LIMITS.indexers, selector: k => k.toString('hex') })
    .map((devices): ProposalAction => ({ kind: 'indexers', devices })),
  positive.map((version): ProposalAction => ({ kind: 'protocol', version })),
  fc.constant(null).map((): ProposalAction => ({ kind: 'motion' })),
  rules.map((r): ProposalAction => ({ kind: 'rules', rules: r })),
  fc.tuple(month, positiveMoney).map(([m, pool]): ProposalAction => ({ kind: 'distribute', month: m, pool })),
  fc.tuple(key32, key32, text(LIMITS.federateName, { required: true }).filter(n => n.trim() === n))
    .map(([key, topic, name]): ProposalAction => ({ kind: 'federate', key, topic, name })),
  key32.map((key): ProposalAction => ({ kind: 'unfederate', key })),
  fc.tuple(key32, between(0, 100), between(1, 7)).map(([key, value, stage]): ProposalAction => ({ kind: 'trust', key, value, stage })),
  between(1, 366).map((days): ProposalAction => ({ kind: 'checkins', days })),
  between(0, MAX_DELIBERATION_HOURS).map((hours): ProposalAction => ({ kind: 'deliberation', hours })),
  // a mirror key must be an ed25519 point: made from a seed
  fc.uniqueArray(key32, { maxLength: LIMITS.mirrors, selector: k => k.toString('hex') })
    .map((seeds): ProposalAction => ({ kind: 'mirrors', keys: seeds.map(seed => crypto.keyPair(seed).publicKey) })),
  fc.tuple(key32, between(0, RULE_LIMITS.stages)).map(([member, stage]): ProposalAction => ({ kind: 'onboarding', member, stage }))
)

/** A decision type with what it takes: options and a budget for a poll, none for the others. */
export const decisionSpec: fc.Arbitrary<DecisionSpec> = fc.tuple(
  fc.constantFrom(...DECISION_TYPES),
  fc.uniqueArray(text(LIMITS.pollOption, { required: true }).filter(o => o.trim() === o), { minLength: 2, maxLength: LIMITS.pollOptions }),
  fc.nat()
).map(([type, options, n]) => {
  if (!isPoll(type)) return { type, options: [], budget: 0 }
  const range = BUDGET_RANGE[type]
  return { type, options, budget: range.min + n % (range.max - range.min + 1) }
})

export const proposeOp: fc.Arbitrary<ProposeOp> = fc.tuple(
  action,
  text(LIMITS.proposalText, { multiline: true }),
  text(LIMITS.proposalText, { multiline: true, required: true }),
  fc.constantFrom(...AUDIENCES),
  fc.oneof(fc.constant(0), safeNat),
  // half the proposals state a decision type
  fc.option(decisionSpec, { nil: undefined, freq: 1 })
).map(([a, optional, required, audience, deadline, decision]) => ({
  type: 'propose',
  action: a,
  text: a.kind === 'motion' || decision !== undefined ? required : optional,
  audience,
  deadline,
  // advice and polls decide motions only
  ...(decision !== undefined && (decision.type === 'consent' || a.kind === 'motion') ? { decision } : {})
}))

export const voteOp: fc.Arbitrary<VoteOp> = fc.tuple(ref, fc.constantFrom(...CHOICES), text(LIMITS.reason, { multiline: true }))
  .map(([proposal, choice, reason]) => ({ type: 'vote', proposal, choice, reason }))

export const closeOp: fc.Arbitrary<CloseOp> = ref.map(proposal => ({ type: 'close', proposal }))

export const endorseOp: fc.Arbitrary<EndorseOp> = ref.map(target => ({ type: 'endorse', target }))

export const incomeOp: fc.Arbitrary<IncomeOp> = fc.tuple(positiveMoney, text(LIMITS.client, { required: true }), day, description, text(LIMITS.key))
  .map(([m, client, d, desc, key]) => ({ type: 'income', money: m, client, day: d, description: desc, key }))

export const paidOp: fc.Arbitrary<PaidOp> = fc.tuple(month, day, text(LIMITS.reference, { required: true }))
  .map(([m, d, reference]) => ({ type: 'paid', month: m, day: d, reference }))

export const tickOp: fc.Arbitrary<TickOp> = fc.constant({ type: 'tick' })

export const ballotOp: fc.Arbitrary<BallotOp> = fc.tuple(ref, fc.array(fc.oneof(between(0, 100), safeNat), { maxLength: LIMITS.pollOptions }), text(LIMITS.reason, { multiline: true }))
  .map(([proposal, values, reason]) => ({ type: 'ballot', proposal, values, reason }))

export const objectOp: fc.Arbitrary<ObjectOp> = fc.tuple(ref, text(LIMITS.reason, { multiline: true, required: true }))
  .map(([proposal, reason]) => ({ type: 'object', proposal, reason }))

export const resolveOp: fc.Arbitrary<ResolveOp> = fc.tuple(ref, ref, fc.constantFrom(...RESOLUTIONS), text(LIMITS.reason, { multiline: true }))
  .map(([proposal, objection, outcome, note]) => ({ type: 'resolve', proposal, objection, outcome, note }))

export const decideOp: fc.Arbitrary<DecideOp> = fc.tuple(ref, fc.boolean(), text(LIMITS.reason, { multiline: true }))
  .map(([proposal, adopt, reason]) => ({ type: 'decide', proposal, adopt, reason }))

/** One arbitrary per op type, keyed by type, so that a new op type without one fails to compile. */
export const OP_ARBITRARIES: { [T in Op['type']]: fc.Arbitrary<Extract<Op, { type: T }>> } = {
  found: foundOp,
  contribution: contributionOp,
  amend: amendOp,
  retract: retractOp,
  profile: profileOp,
  invite: inviteOp,
  admit: admitOp,
  tick: tickOp,
  propose: proposeOp,
  vote: voteOp,
  close: closeOp,
  endorse: endorseOp,
  income: incomeOp,
  paid: paidOp,
  // signed with real keys (bench/federation-fixtures.ts): apply checks the signatures
  checkin: fc.constantFrom(...SIGNED_CHECKINS),
  dispute: fc.constantFrom(...SIGNED_DISPUTES),
  ballot: ballotOp,
  object: objectOp,
  resolve: resolveOp,
  decide: decideOp
}

export const op: fc.Arbitrary<Op> = fc.oneof(...Object.values(OP_ARBITRARIES) as Array<fc.Arbitrary<Op>>)

// --- frames ------------------------------------------------------------------------------------

const frameBytes = (ops: Op[]): number => FRAME_HEADER_MAX + ops.reduce((n, o) => n + encodedOpLength(o), 0)

/** A valid frame: mostly a few ops of any type, sometimes a full block of small ones. */
export const frame: fc.Arbitrary<Frame> = fc.tuple(
  fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 1_700_000_000_000, max: 2_100_000_000_000 }) }, { weight: 1, arbitrary: safeNat }),
  fc.oneof(
    { weight: 60, arbitrary: fc.array(op, { minLength: 1, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(profileOp, closeOp, fc.constant<Op>({ type: 'profile', name: 'a' })), { minLength: MAX_OPS_PER_FRAME - 2, maxLength: MAX_OPS_PER_FRAME }) }
  ).filter(ops => frameBytes(ops) <= MAX_FRAME_BYTES)
).map(([time, ops]) => ({ version: PROTOCOL_VERSION, time, ops }))

export const frameBuffer: fc.Arbitrary<Buffer> = frame.map(f => Buffer.from(encodeFrame(f)))

// --- random and mutated buffers ----------------------------------------------------------------

const uint = (n: number): Buffer => Buffer.from(c.encode(c.uint, n))
const INTERESTING = [0, 1, 2, 3, 9, 10, 0x7f, 0x80, 0xfc, 0xfd, 0xfe, 0xff]

/** Random bytes, most of them behind a plausible header so that the decoder gets past it. */
export const randomBuffer: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map(u => Buffer.from(u)) },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 300 }).map(u => Buffer.concat([uint(PROTOCOL_VERSION), u])) },
  {
    weight: 6,
    arbitrary: fc.tuple(
      safeNat, fc.oneof(fc.nat(4), fc.nat(MAX_OPS_PER_FRAME + 2)), fc.nat(12),
      fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(fc.constantFrom(...INTERESTING), { maxLength: 200 }).map(a => Uint8Array.from(a)))
    ).map(([time, count, typeTag, rest]) => Buffer.concat([uint(PROTOCOL_VERSION), uint(time), uint(count), uint(typeTag), rest]))
  },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...INTERESTING), { maxLength: 100 }).map(a => Buffer.from(a)) },
  // just over the size limit
  { weight: 1, arbitrary: fc.tuple(fc.nat(3), fc.nat(255)).map(([extra, fill]) => Buffer.alloc(MAX_FRAME_BYTES + 1 + extra, fill)) }
)

export type Mutation =
  | { kind: 'flip', at: number, bit: number }
  | { kind: 'set', at: number, byte: number }
  | { kind: 'insert', at: number, bytes: number[] }
  | { kind: 'delete', at: number, n: number }
  | { kind: 'truncate', at: number }
  | { kind: 'copy', from: number, n: number, at: number }

const byte = fc.oneof(fc.nat(255), fc.constantFrom(...INTERESTING))
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(byte, { minLength: 1, maxLength: 9 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), n: fc.integer({ min: 1, max: 40 }), at: fc.nat() })
)

/** Positions are taken modulo the buffer's length, so any mutation applies to any buffer. */
export function mutate (buf: Buffer, m: Mutation): Buffer {
  const len = buf.length
  const pos = (n: number, room: number): number => room <= 0 ? 0 : n % room
  switch (m.kind) {
    case 'flip': {
      if (len === 0) return buf
      const out = Buffer.from(buf)
      const at = pos(m.at, len)
      out[at] = (out[at] as number) ^ (1 << m.bit)
      return out
    }
    case 'set': {
      if (len === 0) return buf
      const out = Buffer.from(buf)
      out[pos(m.at, len)] = m.byte
      return out
    }
    case 'insert': {
      const at = pos(m.at, len + 1)
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)])
    }
    case 'delete': {
      const at = pos(m.at, len)
      return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.n)])
    }
    case 'truncate':
      return Buffer.from(buf.subarray(0, pos(m.at, len)))
    case 'copy': {
      const from = pos(m.from, len)
      const at = pos(m.at, len + 1)
      return Buffer.concat([buf.subarray(0, at), buf.subarray(from, from + m.n), buf.subarray(at)])
    }
  }
}

/** A valid frame with one to four bytes flipped, set, inserted, deleted, copied, or cut off. */
export const mutatedFrame: fc.Arbitrary<Buffer> = fc.tuple(frameBuffer, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([buf, ms]) => ms.reduce(mutate, buf))

// --- the checks --------------------------------------------------------------------------------

const hex = (buf: Uint8Array): string => b4a.toString(buf, 'hex')
const short = (buf: Uint8Array): string => buf.length > 200 ? `${hex(buf.subarray(0, 200))}… (${buf.length} bytes)` : hex(buf)

/** (a) A valid frame: its ops pass validation, and both round trips are byte-exact. Throws on failure. */
export function checkRoundTrip (f: Frame): void {
  for (const o of f.ops) validateOpWithSignatures(o) // the arbitraries make valid ops only
  const buf = Buffer.from(encodeFrame(f))
  const decoded = decodeFrame(buf)
  if (!isDeepStrictEqual(decoded, f)) throw new Error(`decode(encode(f)) differs from f for ${short(buf)}`)
  const again = encodeFrame(decoded)
  if (!b4a.equals(again, buf)) throw new Error(`encode(decode(buf)) differs from buf: ${short(buf)} → ${short(again)}`)
}

export interface DecodeTally { accepted: number, refused: number }

/** (b, c) Any bytes: decodeFrame refuses them with a DiscoError (MALFORMED_FRAME or
 * FRAME_TOO_LARGE), or returns a frame that re-encodes to exactly these bytes. Throws otherwise. */
export function checkDecode (buf: Buffer, tally?: DecodeTally): void {
  let f: Frame
  try {
    f = decodeFrame(buf)
  } catch (err) {
    if (err instanceof DiscoError && (err.code === 'MALFORMED_FRAME' || err.code === 'FRAME_TOO_LARGE')) {
      if (tally !== undefined) tally.refused++
      return
    }
    throw new Error(`decodeFrame(${short(buf)}) threw ${err instanceof DiscoError ? `DiscoError ${err.code}` : 'a non-DiscoError'}: ${String(err)}`)
  }
  if (tally !== undefined) tally.accepted++
  const again = encodeFrame(f)
  if (!b4a.equals(again, buf)) throw new Error(`decodeFrame accepted ${short(buf)}, which re-encodes as ${short(again)}`)
}
