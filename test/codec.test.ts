import t from 'tap'
import b4a from 'b4a'
import { DiscoError } from '../src/errors.js'
import { FRAME_HEADER_MAX, decodeFrame, encodeFrame, encodedOpLength, peekVersion } from '../src/ledger/codec.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from '../src/ledger/limits.js'
import { PATCH_FIELDS, PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { AmendOp, ContributionPatch, Frame, Op, OpRef } from '../src/ledger/ops.js'
import { packFrames } from '../src/ledger/packing.js'
import { opId, parseId, refFromFullId, shortId } from '../src/ledger/ids.js'
import { contribution } from './helpers/ops.js'
import { isBaseRuleSet } from '../src/ledger/codec.js'
import { DEFAULT_RULES } from '../src/ledger/rules.js'
import type { Rules } from '../src/ledger/rules.js'
import { PROPOSAL_KINDS } from '../src/ledger/governance.js'
import { prng } from '../bench/prng.js'

// --- builders ----------------------------------------------------------------------------------

/** A 32-byte writer key whose bytes all differ, so a misplaced byte shows. */
const writerKey = (seed: number): Buffer => Buffer.from(Array.from({ length: 32 }, (_, i) => (seed + i * 7) & 0xff))
const REF: OpRef = { writer: writerKey(3), seq: 70_000, index: 1023 }
const TIME = 1_790_000_000_000 // a real clock reading: 8-byte varint

const amend = (patch: ContributionPatch, target: OpRef = REF): AmendOp => ({ type: 'amend', target, patch })
const profile = (name: string): Op => ({ type: 'profile', name })
const frame = (ops: Op[], time = TIME): Frame => ({ version: PROTOCOL_VERSION, time, ops })

const hex = (buf: Uint8Array): string => b4a.toString(buf, 'hex')
const bytes = (...parts: Array<Uint8Array | number[]>): Buffer => Buffer.concat(parts.map(p => Buffer.from(p)))

/** compact-encoding's canonical uint, written here by hand so tests do not trust the codec. */
function varint (n: number): number[] {
  if (n <= 0xfc) return [n]
  if (n <= 0xffff) return [0xfd, n & 0xff, n >>> 8]
  return [0xfe, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]
}

/** The bytes of one op, as they sit after a frame header (time 0 and one op: a 3-byte header). */
function opBytes (o: Op): Buffer {
  const buf = encodeFrame(frame([o], 0))
  return Buffer.from(buf.subarray(3))
}

/** A hand-made frame: version, time and op count as given, then the raw op bytes. */
const rawFrame = (count: number, ...ops: Uint8Array[]): Buffer => bytes([PROTOCOL_VERSION, 0], varint(count), ...ops)

/** The first byte where two encodings differ: locates a field without hard-coding offsets. */
function firstDiff (a: Uint8Array, b: Uint8Array): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

function withByte (buf: Uint8Array, at: number, value: number): Buffer {
  const copy = Buffer.from(buf)
  copy[at] = value
  return copy
}

function splice (buf: Uint8Array, at: number, remove: number, insert: number[]): Buffer {
  return bytes(buf.subarray(0, at), insert, buf.subarray(at + remove))
}

/** the `t` a subtest gets */
type Tap = Parameters<Parameters<typeof t.test>[0]>[0]

/** decodeFrame refuses buf with `code` (and, when given, a message that says why). */
function rejects (t: Tap, buf: Uint8Array, why: RegExp | null, name: string, code = 'MALFORMED_FRAME'): void {
  t.throws(() => decodeFrame(buf), why === null ? { name: 'DiscoError', code } : { name: 'DiscoError', code, message: why }, name)
}

/** Both directions of a round trip, byte for byte. */
function roundTrip (t: Tap, f: Frame, name: string): void {
  const buf = encodeFrame(f)
  const decoded = decodeFrame(Buffer.from(buf))
  t.strictSame(decoded, f, `${name}: decode(encode(f)) is f`)
  t.equal(hex(encodeFrame(decoded)), hex(buf), `${name}: encode(decode(buf)) is buf`)
}

// --- round trips -------------------------------------------------------------------------------

const FULL_PATCH: Required<ContributionPatch> = {
  stream: 'livelihood',
  minutes: 44_640,
  day: 47_481,
  description: 'line one\nline two — ünïcödé 🌱',
  project: 'web',
  tags: ['a', 'ü', '🌱'],
  client: 'Acme',
  commons: 'wiki',
  careFor: 'person',
  money: { amount: 1_000_000_000_000_000, currency: 'EUR' },
  output: { unit: 'words', quantity: 1_000_000_000 }
}

t.test('round trip: found, retract, profile', async t => {
  roundTrip(t, frame([{ type: 'found', coopName: 'Coop Ñandú 🐦', memberName: 'Ada' }]), 'found')
  roundTrip(t, frame([{ type: 'found', coopName: '', memberName: '' }]), 'found, empty names')
  roundTrip(t, frame([{ type: 'retract', target: REF, reason: 'logged twice\nsorry' }]), 'retract')
  roundTrip(t, frame([{ type: 'retract', target: { writer: writerKey(0), seq: 0, index: 0 }, reason: '' }]), 'retract, zero ref')
  roundTrip(t, frame([profile('Zoë 李')]), 'profile')
})

t.test('round trip: contributions in every stream', async t => {
  roundTrip(t, frame([contribution({
    stream: 'livelihood',
    client: 'Acme GmbH',
    money: { amount: 12050, currency: 'EUR' },
    tags: ['dev', 'urgent', 'ñ'],
    key: 'import:clockify:abc123'
  })]), 'livelihood with money, tags, key')
  roundTrip(t, frame([contribution({ stream: 'livelihood', money: { amount: 0, currency: 'JPY' } })]), 'livelihood, zero JPY')
  roundTrip(t, frame([contribution({ stream: 'livelihood', money: { amount: 1234, currency: 'BHD' }, minutes: 44_640, day: 10_957 })]),
    'livelihood, BHD, max minutes, min day')
  roundTrip(t, frame([contribution({ stream: 'love', commons: 'Wikipedia', description: '翻訳 — “quotes” 🌍\nsecond line' })]),
    'love with commons and unicode')
  roundTrip(t, frame([contribution({ stream: 'care', careFor: 'collective' })]), 'care for the collective')
  roundTrip(t, frame([contribution({ stream: 'care', careFor: 'person', description: '', project: '' })]), 'care for a person')
})

t.test('round trip: amend with each single patch field', async t => {
  for (const field of PATCH_FIELDS) {
    roundTrip(t, frame([amend({ [field]: FULL_PATCH[field] } as ContributionPatch)]), `amend ${field}`)
  }
  roundTrip(t, frame([amend({ money: null })]), 'amend money null')
  roundTrip(t, frame([amend({ careFor: null })]), 'amend careFor null')
  roundTrip(t, frame([amend({ tags: [] })]), 'amend tags empty')
  roundTrip(t, frame([amend({ project: '' })]), 'amend project empty')
})

t.test('round trip: amend with every field', async t => {
  roundTrip(t, frame([amend(FULL_PATCH)]), 'all fields')
  roundTrip(t, frame([amend({ ...FULL_PATCH, money: null, careFor: null })]), 'all fields, money and careFor null')
  // A null field is present in the patch (it clears), unlike an absent one.
  const decoded = decodeFrame(encodeFrame(frame([amend({ money: null })]))).ops[0] as AmendOp
  t.same(Object.keys(decoded.patch), ['money'], 'money: null survives as a key')
  t.equal(decoded.patch.money, null)
})

t.test('round trip: multi-op frames', async t => {
  const mixed: Op[] = [
    { type: 'found', coopName: 'Coop', memberName: 'Ada' },
    contribution({ stream: 'care', careFor: 'collective' }),
    contribution({ stream: 'livelihood', money: { amount: 5, currency: 'EUR' }, client: 'X' }),
    amend({ minutes: 30, careFor: null }),
    { type: 'retract', target: REF, reason: 'dup' },
    profile('Ada L.')
  ]
  roundTrip(t, frame(mixed), 'one of each')
  roundTrip(t, frame(mixed, 0), 'time 0')
  const many = Array.from({ length: MAX_OPS_PER_FRAME }, (_, i) => contribution({ minutes: i + 1, key: `k${i}` }))
  roundTrip(t, frame(many), `${MAX_OPS_PER_FRAME} ops`)
})

t.test('the wire format is pinned (tags, field order)', async t => {
  // version 1, time 0, 1 op, tag 4 (profile), "Al"
  t.equal(hex(encodeFrame(frame([profile('Al')], 0))), '01000104' + '02416c')
  // tag 2 (amend), ref, mask 0b10_0000_0010 (minutes, money), minutes 90, money null
  t.equal(hex(opBytes(amend({ minutes: 90, money: null }, { writer: Buffer.alloc(32, 0xaa), seq: 1, index: 2 }))),
    '02' + 'aa'.repeat(32) + '0102' + 'fd0202' + '5a' + '00')
  // tag 1 (contribution), stream care (2), 60 min, day 20760, '' × 2, no tags, '' × 2, person (2), no money, '' (no output: as before outputs)
  t.equal(hex(opBytes(contribution({ stream: 'care', careFor: 'person', description: '', project: '' }))),
    '01' + '02' + '3c' + 'fd1851' + '00' + '00' + '00' + '00' + '00' + '02' + '00' + '00')
  // the same with an output: tag 22, the same body, unit "words", quantity 5000 (fd 8813), forCoop ''
  t.equal(hex(opBytes(contribution({ stream: 'care', careFor: 'person', description: '', project: '', output: { unit: 'words', quantity: 5000 } }))),
    '16' + '02' + '3c' + 'fd1851' + '00' + '00' + '00' + '00' + '00' + '02' + '00' + '00' + '05' + '776f726473' + 'fd8813' + '00')
  t.equal(encodedOpLength(profile('Al')), 4, 'encodedOpLength counts tag and body')
  t.equal(encodedOpLength(amend({ minutes: 90, money: null }, { writer: Buffer.alloc(32), seq: 1, index: 2 })), 40)
})

// --- decoder rejections ------------------------------------------------------------------------

const VALID: Buffer = Buffer.from(encodeFrame(frame([
  contribution({ stream: 'livelihood', money: { amount: 12050, currency: 'EUR' }, client: 'Acme', tags: ['x', 'y'], key: 'k' }),
  amend({ careFor: null, description: 'é' }),
  { type: 'retract', target: REF, reason: 'r' },
  profile('Bo')
])))

t.test('the fixture frame itself decodes', async t => {
  t.equal(decodeFrame(VALID).ops.length, 4)
})

t.test('empty, truncated and padded buffers', async t => {
  rejects(t, Buffer.alloc(0), null, 'empty buffer')
  let refused = 0
  for (let n = 0; n < VALID.length; n++) {
    try {
      decodeFrame(VALID.subarray(0, n))
    } catch (err) {
      if (err instanceof DiscoError && err.code === 'MALFORMED_FRAME') refused++
    }
  }
  t.equal(refused, VALID.length, `all ${VALID.length} proper prefixes are MALFORMED_FRAME`)
  rejects(t, bytes(VALID, [0]), /1 trailing bytes/, 'one trailing byte')
  rejects(t, bytes(VALID, VALID), /trailing bytes/, 'two frames back to back')
})

t.test('unknown tags', async t => {
  rejects(t, rawFrame(1, Buffer.from([23])), /unknown op type tag 23/, 'op type tag 23: the first after the forCoop contribution (15), tick (16), the decision types (17-21) and the contribution with an output (22)')
  t.same(decodeFrame(rawFrame(1, Buffer.from([16]))).ops, [{ type: 'tick' }], 'tag 16 is a tick, with no body')

  // a proposal with a decision type: the propose body, then the type's tag, its options, its budget
  const plain: Op = { type: 'propose', action: { kind: 'motion' }, text: 'kettle', audience: 'members', deadline: 0 }
  const typed = opBytes({ ...plain, decision: { type: 'consent', options: [], budget: 0 } } as Op)
  t.equal(typed[0], 17, 'a proposal with a decision type has tag 17')
  t.same(typed.subarray(1, typed.length - 3), opBytes(plain).subarray(1), 'its body starts with the plain propose body')
  t.same(decodeFrame(rawFrame(1, typed)).ops[0], { ...plain, decision: { type: 'consent', options: [], budget: 0 } }, 'and decodes back')
  t.equal(opBytes(plain)[0], 7, 'one without keeps tag 7: its bytes are as before decision types')
  rejects(t, rawFrame(1, withByte(typed, typed.length - 3, 5)), /unknown decision type tag 5/, 'decision type tag 5')
  const resolveOp = opBytes({ type: 'resolve', proposal: { writer: Buffer.alloc(32, 1), seq: 1, index: 0 }, objection: { writer: Buffer.alloc(32, 2), seq: 2, index: 0 }, outcome: 'withdrawn', note: '' })
  rejects(t, rawFrame(1, withByte(resolveOp, resolveOp.length - 2, 2)), /unknown resolution tag 2/, 'resolution tag 2')
  rejects(t, rawFrame(1, Buffer.from([0xfd, 0x00, 0x01])), /unknown op type tag 256/, 'op type tag 256')

  const love = opBytes(contribution({ stream: 'love' }))
  const at = firstDiff(love, opBytes(contribution({ stream: 'care' })))
  t.equal(at, 1, 'the stream tag follows the op type tag')
  rejects(t, rawFrame(1, withByte(love, at, 3)), /unknown stream tag 3/, 'stream tag 3')

  const person = opBytes(contribution({ stream: 'care', careFor: 'person' }))
  const careAt = firstDiff(person, opBytes(contribution({ stream: 'care', careFor: 'collective' })))
  t.equal(person[careAt], 2, 'found the care byte')
  rejects(t, rawFrame(1, withByte(person, careAt, 3)), /unknown care target tag 3/, 'care tag 3')
  rejects(t, rawFrame(1, withByte(person, careAt, 0xfc)), /unknown care target tag 252/, 'care tag 252')

  // money is a bool: anything but 0 or 1 would decode as "no money" and must not pass
  const noMoney = opBytes(contribution({ stream: 'livelihood' }))
  const moneyAt = noMoney.length - 2 // ..., money flag, key length
  t.equal(noMoney[moneyAt], 0)
  t.ok(decodeFrame(rawFrame(1, noMoney)), 'control: unmodified op decodes')
  rejects(t, rawFrame(1, withByte(noMoney, moneyAt, 2)), /canonical/, 'money flag 2')
})

t.test('a contribution with an output has tag 22; one without keeps its bytes', async t => {
  const fed = Buffer.alloc(32, 0xcd).toString('hex')
  const plain = contribution({ stream: 'love', minutes: 0 })
  const words = { unit: 'words', quantity: 5000 }
  const withOutput = opBytes({ ...plain, output: words })
  t.equal(withOutput[0], 22, 'tag 22')
  t.same(withOutput.subarray(1, opBytes(plain).length), opBytes(plain).subarray(1), 'its body starts with the plain contribution body')
  t.same(decodeFrame(rawFrame(1, withOutput)).ops[0], { ...plain, output: words }, 'and decodes back, without a forCoop')
  t.same(decodeFrame(rawFrame(1, opBytes(plain))).ops[0], { ...plain, output: null }, 'tag 1 decodes with output null')

  // an output and a forCoop combine under tag 22: its last field is the forCoop
  const both = opBytes({ ...plain, output: words, forCoop: fed })
  t.equal(both[0], 22, 'an output with a forCoop: tag 22, not 15')
  t.same(decodeFrame(rawFrame(1, both)).ops[0], { ...plain, output: words, forCoop: fed }, 'both decode back')
  t.equal(opBytes({ ...plain, forCoop: fed })[0], 15, 'a forCoop without an output keeps tag 15')
  t.same(decodeFrame(rawFrame(1, opBytes({ ...plain, forCoop: fed }))).ops[0], { ...plain, output: null, forCoop: fed }, 'and decodes with output null')

  // one byte form: a tag 1 contribution written with tag 22 lacks the output, and does not decode as one
  rejects(t, rawFrame(1, withByte(opBytes(plain), 0, 22)), null, 'tag 22 with no output after the body')
  // a quantity of 0 decodes (validation refuses it), and a unit's name is a canonical string
  const zero = opBytes({ ...plain, output: { unit: 'words', quantity: 0 } })
  t.equal(zero[0], 22)
})

t.test('rules: the `rules` kind keeps its bytes, a rule set using issue 22\'s fields has kind 15', async t => {
  const base = {
    rate: { livelihood: 1, love: 2, care: 3 }, moneyRate: 4, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 2, daterCredits: 'paid', needsEndorsement: true, late: 'ignore'
  } as const
  const rulesOp = (rules: Rules): Op => ({ type: 'propose', action: { kind: 'rules', rules }, text: '', audience: 'members', deadline: 0 })
  const old = opBytes(rulesOp({ ...DEFAULT_RULES, ...base }))
  // tag 7 (propose), kind 6 (rules), the seven fields of the rules as before issue 22, then text, audience, deadline
  t.equal(hex(old), '07' + '06' + '010203' + '04' + '321e14' + '02' + '00' + '01' + '01' + '00' + '00' + '00', 'the old kind, the old bytes')
  t.same(decodeFrame(rawFrame(1, old)).ops[0], rulesOp({ ...DEFAULT_RULES, ...base }), 'and it decodes with the new fields at their defaults')
  t.ok(isBaseRuleSet(DEFAULT_RULES), 'the defaults are base rules')

  const changes: Array<Partial<Rules>> = [
    { period: 'quarter' },
    { stages: [{ livelihood: 50, love: 100, care: 0 }] },
    { care: { ...DEFAULT_RULES.care, dater: 'recorded' } },
    { quota: { period: 'month', credits: { ...DEFAULT_RULES.quota.credits } } },
    { quota: { period: 'quarter', credits: { ...DEFAULT_RULES.quota.credits, member: 24_000 } } },
    { cap: { amount: 300_000, currency: 'EUR', excess: 'share' } },
    { cap: { amount: 0, currency: '', excess: 'keep' } },
    { units: [{ name: 'words', credits: 4800, per: 1000 }] }
  ]
  for (const change of changes) {
    const rules = { ...DEFAULT_RULES, ...base, ...change }
    const buf = opBytes(rulesOp(rules))
    t.equal(buf[1], 15, `${Object.keys(change)[0] as string} away from its default: kind 15 (rule set)`)
    t.same(buf.subarray(2, old.length - 3), old.subarray(2, old.length - 3), 'its body starts with the base rules')
    t.same(decodeFrame(rawFrame(1, buf)).ops[0], rulesOp(rules), 'and decodes back to a rules action')
  }
  // one byte form: base rules written as a rule set (kind 15 with every new field at its default) are refused
  const set = opBytes(rulesOp({ ...DEFAULT_RULES, ...base, period: 'quarter' }))
  const periodAt = old.length - 3 // tag, kind, the base rules, then the period tag (where `rules` has its text)
  t.equal(set[periodAt], 1, 'found the period byte (quarter)')
  rejects(t, rawFrame(1, withByte(set, periodAt, 0)), /canonical/, 'a rule set that says only what the rules kind says')
  t.equal(PROPOSAL_KINDS.length, 15, 'kind 15 is the first after PROPOSAL_KINDS')
})

t.test('amend masks', async t => {
  const empty = opBytes(amend({}))
  t.equal(empty[empty.length - 1], 0, 'an empty patch ends in mask 0')
  t.ok(decodeFrame(rawFrame(1, empty)), 'mask 0 is the decoder\'s business to accept (validation refuses it)')
  const allBits = (1 << PATCH_FIELDS.length) - 1
  const bodies = opBytes(amend(FULL_PATCH)).subarray(empty.length - 1 + varint(allBits).length)
  t.ok(decodeFrame(rawFrame(1, splice(empty, empty.length - 1, 1, varint(allBits)), bodies)), `mask ${allBits} with every field decodes`)
  for (const bit of [PATCH_FIELDS.length, PATCH_FIELDS.length + 1, 20]) {
    rejects(t, rawFrame(1, splice(empty, empty.length - 1, 1, varint(1 << bit))), /unknown amend fields/, `mask bit ${bit}`)
  }
  rejects(t, rawFrame(1, splice(empty, empty.length - 1, 1, varint(allBits | (1 << PATCH_FIELDS.length))), bodies), /unknown amend fields/,
    'known bits plus an unknown one')
})

t.test('op counts and versions', async t => {
  const one = opBytes(profile('a'))
  rejects(t, rawFrame(0), /0 ops/, 'zero ops')
  rejects(t, rawFrame(1), null, 'count 1, no op')
  rejects(t, rawFrame(2, one), null, 'count 2, one op')
  const full = Array.from({ length: MAX_OPS_PER_FRAME }, () => one)
  t.equal(decodeFrame(rawFrame(MAX_OPS_PER_FRAME, ...full)).ops.length, MAX_OPS_PER_FRAME, 'MAX_OPS_PER_FRAME ops decode')
  rejects(t, rawFrame(MAX_OPS_PER_FRAME + 1, ...full, one), new RegExp(`${MAX_OPS_PER_FRAME + 1} ops`), 'one op too many')
  rejects(t, rawFrame(0xffffffff, one), /ops/, 'count 2^32 - 1')

  const rest = VALID.subarray(1)
  t.equal(VALID[0], PROTOCOL_VERSION)
  rejects(t, bytes([PROTOCOL_VERSION + 1], rest), new RegExp(`no decoder for protocol version ${PROTOCOL_VERSION + 1}`), 'next version')
  rejects(t, bytes([0], rest), /no decoder for protocol version 0/, 'version 0')
})

t.test('non-canonical encodings', async t => {
  // The same values as VALID, but a varint written longer than needed.
  rejects(t, bytes([0xfd, PROTOCOL_VERSION, 0], VALID.subarray(1)), /canonical/, 'version as 0xfd + 2 bytes')
  rejects(t, bytes([0xfe, PROTOCOL_VERSION, 0, 0, 0], VALID.subarray(1)), /canonical/, 'version as 0xfe + 4 bytes')
  const small = encodeFrame(frame([profile('Bo')], 5))
  t.equal(hex(small), '01050104' + '02426f')
  t.ok(decodeFrame(small), 'control: canonical form decodes')
  rejects(t, splice(small, 1, 1, [0xfd, 5, 0]), /canonical/, 'time as 0xfd + 2 bytes')
  rejects(t, splice(small, 2, 1, [0xfd, 1, 0]), /canonical/, 'op count as 0xfd + 2 bytes')
  rejects(t, splice(small, 3, 1, [0xfd, 4, 0]), /canonical/, 'op type as 0xfd + 2 bytes')
  rejects(t, splice(small, 4, 1, [0xfd, 2, 0]), /canonical/, 'string length as 0xfd + 2 bytes')
  const c = opBytes(contribution({ minutes: 60 }))
  t.equal(c[2], 60, 'minutes sit after the type and stream tags')
  rejects(t, rawFrame(1, splice(c, 2, 1, [0xff, 60, 0, 0, 0, 0, 0, 0, 0])), /canonical/, 'minutes as 0xff + 8 bytes')
})

t.test('invalid UTF-8', async t => {
  const name = (...b: number[]): Buffer => rawFrame(1, Buffer.from([4, b.length, ...b]))
  t.strictSame(decodeFrame(name(0xc3, 0xa9)).ops[0], profile('é'), 'control: valid two-byte sequence')
  rejects(t, name(0xff, 0xfe), /canonical/, 'bytes ff fe')
  rejects(t, name(0x41, 0xc3), /canonical/, 'truncated sequence')
  rejects(t, name(0xc0, 0xaf), /canonical/, 'overlong "/"')
  rejects(t, name(0xed, 0xa0, 0x80), /canonical/, 'encoded surrogate')
  rejects(t, name(0xef, 0xbf, 0xbd, 0xff), /canonical/, 'U+FFFD then a bad byte')
})

t.test('frame size limit', async t => {
  const retract = (n: number): Frame => frame([{ type: 'retract', target: REF, reason: 'x'.repeat(n) }])
  const overhead = encodeFrame(retract(100_000)).length - 100_000
  const exact = encodeFrame(retract(MAX_FRAME_BYTES - overhead))
  t.equal(exact.length, MAX_FRAME_BYTES, 'a frame of exactly MAX_FRAME_BYTES encodes')
  t.equal(decodeFrame(exact).ops.length, 1, '... and decodes')
  t.throws(() => encodeFrame(retract(MAX_FRAME_BYTES - overhead + 1)), { code: 'FRAME_TOO_LARGE' }, 'one byte more does not encode')
  rejects(t, bytes(exact, [0]), null, 'nor decode', 'FRAME_TOO_LARGE')
  rejects(t, Buffer.alloc(MAX_FRAME_BYTES + 1), null, 'zeros over the limit', 'FRAME_TOO_LARGE')
})

// --- mutation fuzzing --------------------------------------------------------------------------


function mutate (buf: Buffer, rand: () => number): Buffer {
  const int = (n: number): number => Math.floor(rand() * n)
  const at = int(buf.length + 1)
  switch (int(6)) {
    case 0: return withByte(buf, Math.min(at, buf.length - 1), (buf[Math.min(at, buf.length - 1)] as number) ^ (1 << int(8)))
    case 1: return withByte(buf, Math.min(at, buf.length - 1), int(256))
    case 2: return splice(buf, at, 0, [int(256)])
    case 3: return splice(buf, at, 1, [])
    case 4: return splice(buf, at, int(4), Array.from({ length: int(4) }, () => [0, 1, 0xfc, 0xfd, 0xfe, 0xff][int(6)] as number))
    default: { const from = int(buf.length); return splice(buf, at, 0, [...buf.subarray(from, from + int(40))]) }
  }
}

t.test('mutations: decodeFrame returns a canonical frame or throws a DiscoError', async t => {
  const seeds: Buffer[] = [
    VALID,
    Buffer.from(encodeFrame(frame([amend(FULL_PATCH)]))),
    Buffer.from(encodeFrame(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ada' }, profile('Zoë')], 0))),
    Buffer.from(encodeFrame(frame([contribution({ stream: 'care', careFor: 'person', tags: ['a', 'b'] })])))
  ]
  const rand = prng(0xd15c0)
  const problems: string[] = []
  let accepted = 0
  let refused = 0
  for (let i = 0; i < 4000; i++) {
    let buf = seeds[i % seeds.length] as Buffer
    const rounds = 1 + Math.floor(rand() * 3)
    for (let r = 0; r < rounds; r++) buf = mutate(buf, rand)
    let f: Frame
    try {
      f = decodeFrame(Buffer.from(buf))
    } catch (err) {
      if (err instanceof DiscoError && (err.code === 'MALFORMED_FRAME' || err.code === 'FRAME_TOO_LARGE')) refused++
      else problems.push(`${hex(buf)}: ${String(err)}`)
      continue
    }
    accepted++
    let again = ''
    try { again = hex(encodeFrame(f)) } catch (err) { again = String(err) }
    if (again !== hex(buf)) problems.push(`${hex(buf)} re-encodes as ${again}`)
  }
  t.strictSame(problems.slice(0, 5), [], 'no mutation escapes as a non-DiscoError or a non-canonical frame')
  t.ok(refused > 1000, `most mutations are refused (${refused})`)
  t.ok(accepted > 50, `some mutations are still valid frames (${accepted})`)
})

// --- peekVersion and encodeFrame limits --------------------------------------------------------

t.test('peekVersion', async t => {
  t.equal(peekVersion(VALID), PROTOCOL_VERSION)
  t.equal(peekVersion(bytes([7], [0xff, 0xff])), 7, 'reads only the header of garbage')
  t.equal(peekVersion(Buffer.from([0xfd, 0x2c, 0x01])), 300, 'a multi-byte version')
  t.throws(() => peekVersion(Buffer.alloc(0)), { name: 'DiscoError', code: 'MALFORMED_FRAME' }, 'empty')
  t.throws(() => peekVersion(Buffer.from([0xfd])), { name: 'DiscoError', code: 'MALFORMED_FRAME' }, 'cut varint')
  t.throws(() => peekVersion(Buffer.from([0xfe, 1, 2])), { name: 'DiscoError', code: 'MALFORMED_FRAME' }, 'cut 4-byte varint')
})

t.test('encodeFrame op counts', async t => {
  t.throws(() => encodeFrame(frame([])), { name: 'DiscoError', code: 'MALFORMED_FRAME' }, 'zero ops')
  const ops = Array.from({ length: MAX_OPS_PER_FRAME + 1 }, () => profile('a'))
  t.throws(() => encodeFrame(frame(ops)), { name: 'DiscoError', code: 'MALFORMED_FRAME' }, 'MAX_OPS_PER_FRAME + 1 ops')
  t.equal(decodeFrame(encodeFrame(frame(ops.slice(1)))).ops.length, MAX_OPS_PER_FRAME, 'MAX_OPS_PER_FRAME ops encode')
})

// --- packing -----------------------------------------------------------------------------------

/** Packing invariants: order and contents kept, each frame encodable, and no frame could take
 * the next frame's first op (as few frames as the limits allow). */
function checkPacking (t: Tap, ops: Op[], frames: Op[][]): void {
  t.strictSame(frames.flat(), ops, 'every op, in order')
  t.equal(frames.filter(f => f.length === 0 || f.length > MAX_OPS_PER_FRAME).length, 0, 'frame sizes within 1…MAX_OPS_PER_FRAME')
  const sizes = frames.map(f => encodeFrame({ version: PROTOCOL_VERSION, time: Number.MAX_SAFE_INTEGER, ops: f }).length)
  t.ok(Math.max(...sizes) <= MAX_FRAME_BYTES, `largest frame ${Math.max(...sizes)} bytes, even with a 9-byte time`)
  let greedy = true
  for (let i = 0; i + 1 < frames.length; i++) {
    const f = frames[i] as Op[]
    const grown = [...f, (frames[i + 1] as Op[])[0] as Op]
    const grownBytes = FRAME_HEADER_MAX + grown.reduce((sum, o) => sum + encodedOpLength(o), 0)
    if (grown.length <= MAX_OPS_PER_FRAME && grownBytes <= MAX_FRAME_BYTES) greedy = false
  }
  t.ok(greedy, 'no frame is closed while the next op would have fitted')
}

/** What packing counted of a frame's ops is what they take: encodeFrame with it writes the same bytes. */
function checkOpBytes (t: Tap, ops: Op[]): void {
  const packed = packFrames(ops)
  checkPacking(t, ops, packed.map(f => f.ops))
  t.strictSame(packed.map(f => f.opBytes), packed.map(f => f.ops.reduce((sum, o) => sum + encodedOpLength(o), 0)), 'opBytes: each frame\'s ops, measured')
  const same = packed.every(f => {
    const plain = frame(f.ops)
    return hex(encodeFrame(plain, f.opBytes)) === hex(encodeFrame(plain))
  })
  t.ok(same, 'encodeFrame with opBytes: the same bytes')
  const first = packed[0]
  if (first !== undefined) t.throws(() => encodeFrame(frame(first.ops), first.opBytes - 1), /took/, 'a wrong count is a bug, not a frame')
}

/** The frames packing makes of these ops, their ops alone. */
const packOps = (ops: Op[]): Op[][] => packFrames(ops).map(f => f.ops)

t.test('packFrames', async t => {
  t.strictSame(packOps([]), [], 'no ops, no frames')
  const small = Array.from({ length: 2500 }, (_, i) => contribution({ minutes: (i % 600) + 1, key: `row-${i}` }))
  const frames = packOps(small)
  t.strictSame(frames.map(f => f.length), [1024, 1024, 452], '2,500 small ops → 3 frames')
  checkPacking(t, small, frames)

  const big = Array.from({ length: 1200 }, (_, i) => contribution({ description: `${i} `.padEnd(500, 'ü'), key: `big-${i}` }))
  t.ok(encodedOpLength(big[0] as Op) > 1000, 'large ops')
  const bigFrames = packOps(big)
  t.ok(bigFrames.length >= 3, `the byte limit splits them (${bigFrames.length} frames)`)
  t.ok(bigFrames.every(f => f.length < MAX_OPS_PER_FRAME), '... before the op limit does')
  checkPacking(t, big, bigFrames)

  const mixed: Op[] = [...small.slice(0, 700), ...big.slice(0, 700), ...small.slice(700, 1500)]
  checkPacking(t, mixed, packOps(mixed))
  checkOpBytes(t, mixed)
  checkOpBytes(t, small)
})

// --- ids ---------------------------------------------------------------------------------------

t.test('entry ids', async t => {
  const ref: OpRef = { writer: writerKey(0x3f), seq: 4, index: 0 }
  const id = opId(ref)
  t.equal(id, `${hex(ref.writer)}-4-0`)
  t.match(id, /^[0-9a-f]{64}-4-0$/)
  t.strictSame(refFromFullId(id), { writer: ref.writer, seq: 4, index: 0 }, 'refFromFullId inverts opId')
  t.strictSame(refFromFullId(id.toUpperCase()), refFromFullId(id), 'upper-case hex is the same id')
  const big: OpRef = { writer: writerKey(200), seq: 999_999_999_999_999, index: 99_999 }
  t.strictSame(refFromFullId(opId(big)), big, 'largest seq and index')

  const short = shortId(id)
  t.equal(short, `${hex(ref.writer).slice(0, 8)}-4-0`)
  t.equal(shortId(short), short, 'a short id stays as it is')
  t.strictSame(parseId(short), { writerPrefix: hex(ref.writer).slice(0, 8), seq: 4, index: 0 })
  t.strictSame(parseId(` ${short.toUpperCase()} `), parseId(short), 'trimmed and lower-cased')
  t.strictSame(parseId('abcd-0-0'), { writerPrefix: 'abcd', seq: 0, index: 0 }, 'four hex digits is enough')

  const bad = ['', 'abc-1-0', 'abcg-1-0', 'abcd-1', 'abcd--1-0', 'abcd-1-0-0', 'abcd-1.5-0', 'abcd-x-0',
    'abcd-1234567890123456-0', 'abcd-1-123456', `${'a'.repeat(65)}-1-0`, 'abcd 1 0', 'abcd-+1-0']
  for (const text of bad) t.throws(() => parseId(text), { name: 'DiscoError', code: 'INVALID_ENTRY_ID' }, `parseId("${text}")`)
  t.throws(() => refFromFullId(short), { code: 'INVALID_ENTRY_ID' }, 'a short id is no full id')
  t.throws(() => refFromFullId(`${'a'.repeat(63)}-1-0`), { code: 'INVALID_ENTRY_ID' }, '63 hex digits')
})

t.test('the encoder refuses values it has no tag for, as the decoder does', async t => {
  t.throws(() => encodeFrame(frame([contribution({ stream: 'care', careFor: 'nobody' as never })])), { code: 'MALFORMED_FRAME', message: /care target/ })
  t.throws(() => encodeFrame(frame([contribution({ stream: 'fun' as never })])), { code: 'MALFORMED_FRAME', message: /stream/ })
})

t.test('invite, admit and tick ops round-trip byte-exact', async t => {
  const key = (n: number): Buffer => Buffer.alloc(32, n)
  const f = frame([
    { type: 'invite', inviteId: key(1), publicKey: key(2), role: 'dater', expires: TIME + 86_400_000 },
    { type: 'invite', inviteId: key(3), publicKey: key(4), role: 'device', expires: 1 },
    { type: 'admit', inviteId: key(1), writer: key(5), proof: Buffer.alloc(64, 6) },
    { type: 'tick' }
  ])
  const buf = encodeFrame(f)
  t.same(decodeFrame(buf), f)
  t.same(hex(encodeFrame(decodeFrame(buf))), hex(buf))
  t.throws(() => encodeFrame(frame([{ type: 'invite', inviteId: key(1), publicKey: key(2), role: 'member' as never, expires: 1 }])), { code: 'MALFORMED_FRAME' })
})
