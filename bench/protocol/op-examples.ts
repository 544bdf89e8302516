/**
 * Example ops for the golden wire fixtures (test/fixtures/protocol/ops.json): every op type, with
 * each optional field present and absent, each enum value, each proposal kind, each patchable
 * field. Data-driven: an op type is a base op (required fields only, optional ones at their
 * "absent" value) and, per optional field, the values it is tried with — one line per field, so
 * that a new optional field is one more line here, then `npm run fixtures:protocol`.
 *
 * `ABSENT` leaves a field out of the op altogether (a field that may be undefined, such as a
 * contribution's `forCoop`); every other value is set as given, one example per value.
 */
import b4a from 'b4a'
import { PATCH_FIELDS, PROTOCOL_VERSION } from '../../src/ledger/ops.js'
import type { ContributionPatch, Frame, Op, OpType, ProposalAction } from '../../src/ledger/ops.js'
import { FAKE_FEDERATES, SIGNED_CHECKINS, SIGNED_DISPUTES } from '../federation-fixtures.js'
import type { Rules } from '../../src/ledger/rules.js'

export const ABSENT = Symbol('absent')

/** Bytes whose every byte differs, so that a misplaced byte shows in a diff. */
const key = (seed: number): Uint8Array => b4a.from(Array.from({ length: 32 }, (_, i) => (seed + i * 7) & 0xff))
const REF = { writer: key(3), seq: 70_000, index: 1023 }
/** the rules fields added by issue 22, at their defaults */
const NO_NEW_RULES = {
  period: 'month', stages: [], care: { member: 'paid', dater: 'paid', contributor: 'paid' },
  quota: { period: 'quarter', credits: { member: 0, dater: 0, contributor: 0 } }, cap: { amount: 0, currency: '', excess: 'share' }, units: []
} as const satisfies Partial<Rules>
const BASE_RULES = { rate: { livelihood: 1, love: 1, care: 1 }, moneyRate: 0, split: { livelihood: 1, love: 1, care: 1 }, careWeight: 500, daterCredits: 'paid', needsEndorsement: false, late: 'carry' } as const
const RULE_SET_ALONE: Array<Partial<Rules>> = [
  { period: 'quarter' },
  { stages: [{ livelihood: 50, love: 100, care: 0 }] },
  { care: { member: 'paid', dater: 'recorded', contributor: 'paid' } },
  { quota: { period: 'month', credits: { member: 0, dater: 0, contributor: 0 } } },
  { quota: { period: 'quarter', credits: { member: 0, dater: 0, contributor: 1 } } },
  { cap: { amount: 0, currency: '', excess: 'keep' } },
  { units: [{ name: 'words', credits: 4800, per: 1000 }] }
]
const DEADLINE = 1_795_000_000_000

interface OpTable<T extends Op> {
  /** the op with only what it must have; optional fields at their absent form ('' / null / []) */
  base: T
  /** per optional field: the values to try it with (each gives an example; the base gives "absent") */
  vary?: { [K in keyof T]?: ReadonlyArray<T[K] | typeof ABSENT> }
  /** whole ops beside the base, for fields that matter together (named `<type>+<n>`) */
  also?: readonly T[]
}

type Tables = { [T in OpType]: OpTable<Extract<Op, { type: T }>> }

const ACTIONS: ProposalAction[] = [
  { kind: 'admit', writer: key(40), role: 'member', name: 'Dee' },
  { kind: 'role', member: key(41), role: 'supporter' },
  { kind: 'remove', member: key(42) },
  { kind: 'indexers', devices: [key(43), key(44)] },
  { kind: 'protocol', version: 2 },
  { kind: 'motion' },
  { kind: 'rules', rules: { rate: { livelihood: 1, love: 2, care: 3 }, moneyRate: 4, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 2, daterCredits: 'paid', needsEndorsement: true, late: 'ignore', ...NO_NEW_RULES } },
  { kind: 'rules', rules: { rate: { livelihood: 0, love: 0, care: 0 }, moneyRate: 0, split: { livelihood: 0, love: 0, care: 1 }, careWeight: 0, daterCredits: 'recorded', needsEndorsement: false, late: 'carry', ...NO_NEW_RULES } },
  { kind: 'distribute', month: '2026-10', pool: { amount: 1_000_000, currency: 'EUR' } },
  { kind: 'federate', key: key(45), topic: key(46), name: 'Bakery' },
  { kind: 'unfederate', key: key(47) },
  { kind: 'trust', key: key(48), value: 100, stage: 7 },
  { kind: 'checkins', days: 366 },
  { kind: 'deliberation', hours: 0 },
  { kind: 'deliberation', hours: 2160 },
  { kind: 'mirrors', keys: [] },
  { kind: 'mirrors', keys: [key(49), key(50)] },
  // After this line, only what came later (an example's name is its place in this list: never insert above).
  // the accounting rules of issue 22: Guerrilla Translation's model (quarter evaluation, stages,
  // care recorded for daters, an output unit), with a cap kept and paid per quarter
  {
    kind: 'rules',
    rules: {
      rate: { livelihood: 1, love: 1, care: 1 }, moneyRate: 0, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 500, daterCredits: 'paid', needsEndorsement: false, late: 'carry',
      period: 'quarter',
      stages: [{ livelihood: 0, love: 100, care: 0 }, { livelihood: 50, love: 100, care: 0 }, { livelihood: 75, love: 100, care: 0 }],
      care: { member: 'paid', dater: 'recorded', contributor: 'recorded' },
      quota: { period: 'quarter', credits: { member: 24_000, dater: 24_000, contributor: 0 } },
      cap: { amount: 300_000, currency: 'EUR', excess: 'keep' },
      units: [{ name: 'words', credits: 4800, per: 1000 }, { name: 'pages', credits: 1_000_000, per: 1 }]
    }
  },
  { kind: 'distribute', month: '2026-Q4', pool: { amount: 3_000_000, currency: 'EUR' } },
  { kind: 'onboarding', member: key(51), stage: 0 },
  { kind: 'onboarding', member: key(52), stage: 9 },
  // every new field alone away from its default: each makes the action a `rule-set` on the wire
  ...RULE_SET_ALONE.map(change => ({ kind: 'rules' as const, rules: { ...BASE_RULES, ...NO_NEW_RULES, ...change } }))
]

/** One value per patchable field (an amend carries the fields it changes: a bit each). The
 * examples list `output` (bit 10, issue 22) after the ones that came before it, so that their names hold. */
const PATCH_VALUES: Required<{ [K in typeof PATCH_FIELDS[number]]: ContributionPatch[K] }> = {
  stream: 'care',
  minutes: 300,
  day: 20760,
  description: 'translated the zine',
  project: 'zine',
  tags: ['docs', 'translation'],
  client: 'Acme',
  commons: 'wiki',
  careFor: 'person',
  money: { amount: 12050, currency: 'EUR' },
  output: { unit: 'words', quantity: 5000 }
}

const { output: _output, ...BASE_PATCH_VALUES } = PATCH_VALUES
const fed = FAKE_FEDERATES[0]!
const dispute = SIGNED_DISPUTES[0]!

export const OP_TABLES: Tables = {
  found: { base: { type: 'found', coopName: 'Golden Coop', memberName: 'Ana' } },
  contribution: {
    base: { type: 'contribution', stream: 'love', minutes: 90, day: 20760, description: '', project: '', tags: [], client: '', commons: '', careFor: null, money: null, output: null, key: '' },
    vary: {
      stream: ['livelihood', 'care'],
      minutes: [1, 252, 253, 44_640],
      description: ['translated the zine ✓'],
      project: ['zine'],
      tags: [['docs'], ['docs', 'translation']],
      client: ['Acme'],
      commons: ['wiki'],
      careFor: ['collective', 'person'],
      money: [{ amount: 0, currency: 'JPY' }, { amount: 12050, currency: 'EUR' }, { amount: 1_000_000_000_000_000, currency: 'BHD' }],
      key: ['row-17'],
      forCoop: [ABSENT, b4a.toString(fed.key, 'hex')],
      // tag 22: with an output (minutes may then be 0)
      output: [{ unit: 'words', quantity: 1 }, { unit: 'sessions', quantity: 1_000_000_000 }]
    },
    also: [
      // an output and a forCoop together, no minutes: tag 22 carries the forCoop
      { type: 'contribution', stream: 'love', minutes: 0, day: 20760, description: '', project: '', tags: [], client: '', commons: '', careFor: null, money: null, output: { unit: 'words', quantity: 5000 }, key: '', forCoop: b4a.toString(fed.key, 'hex') }
    ]
  },
  amend: {
    base: { type: 'amend', target: REF, patch: { minutes: 1 } },
    vary: {
      patch: [
        ...PATCH_FIELDS.filter(field => field !== 'output').map(field => ({ [field]: PATCH_VALUES[field] })),
        { careFor: null },
        { money: null },
        { ...BASE_PATCH_VALUES },
        // bit 10, output (issue 22)
        { output: PATCH_VALUES.output },
        { output: null },
        { ...PATCH_VALUES }
      ]
    }
  },
  retract: { base: { type: 'retract', target: REF, reason: '' }, vary: { reason: ['logged twice'] } },
  profile: { base: { type: 'profile', name: 'Ana Pérez' } },
  invite: {
    base: { type: 'invite', inviteId: key(10), publicKey: key(11), role: 'contributor', expires: DEADLINE },
    vary: { role: ['dater', 'device'] }
  },
  admit: { base: { type: 'admit', inviteId: key(10), writer: key(12), proof: b4a.concat([key(13), key(14)]) } },
  tick: { base: { type: 'tick' } },
  propose: {
    base: { type: 'propose', action: { kind: 'motion' }, text: '', audience: 'members', deadline: 0 },
    vary: {
      action: ACTIONS,
      text: ['buy a bigger kettle'],
      audience: ['all'],
      deadline: [DEADLINE],
      // absent is the base: the majority rule, under the propose tag as before decision types
      decision: [
        ABSENT,
        { type: 'advice', options: [], budget: 0 },
        { type: 'consent', options: [], budget: 0 },
        { type: 'score', options: ['green', 'blue', 'red'], budget: 5 },
        { type: 'ranked', options: ['Ana', 'Bo'], budget: 0 },
        { type: 'dots', options: ['kettle', 'oven', 'fridge', 'sink'], budget: 100 }
      ]
    }
  },
  ballot: {
    base: { type: 'ballot', proposal: REF, values: [], reason: '' },
    vary: { values: [[0], [5, 0, 3], [2, 0, 1], [300, 70_000]], reason: ['the blue one is cheaper'] }
  },
  object: { base: { type: 'object', proposal: REF, reason: 'it leaves the care circle out' } },
  resolve: {
    base: { type: 'resolve', proposal: REF, objection: { writer: key(4), seq: 70_001, index: 2 }, outcome: 'resolved', note: '' },
    vary: { outcome: ['withdrawn'], note: ['the amended text names the care circle'] }
  },
  decide: {
    base: { type: 'decide', proposal: REF, adopt: true, reason: '' },
    vary: { adopt: [false], reason: ['the advice was to wait a month'] }
  },
  vote: {
    base: { type: 'vote', proposal: REF, choice: 'yes', reason: '' },
    vary: { choice: ['no', 'abstain', 'block'], reason: ['not this month'] }
  },
  close: { base: { type: 'close', proposal: REF } },
  endorse: { base: { type: 'endorse', target: REF } },
  income: {
    base: { type: 'income', money: { amount: 250_000, currency: 'EUR' }, client: 'Town hall', day: 20760, description: '', key: '' },
    vary: { description: ['invoice 7'], key: ['inv-7'] }
  },
  paid: { base: { type: 'paid', month: '2026-10', day: 20761, reference: 'bank 42' }, vary: { month: ['2026-Q4'] } },
  checkin: { base: SIGNED_CHECKINS[0]!, vary: { length: [SIGNED_CHECKINS[5]!.length], fork: [SIGNED_CHECKINS[5]!.fork] } },
  dispute: {
    base: dispute,
    vary: {
      prefix: [[{ index: 0, size: 1, hash: key(60) }, { index: 3, size: 4, hash: key(61) }]],
      extension: [[{ index: 9, size: 2, hash: key(62) }]]
    }
  }
}

export interface OpExample { name: string, op: Op }

/** Every example: `<type>` for the base, `<type>.<field>=<n>` for the n-th value of a field, `<type>+<n>` for the n-th of `also`. */
export function opExamples (): OpExample[] {
  const out: OpExample[] = []
  for (const [type, table] of Object.entries(OP_TABLES) as Array<[OpType, OpTable<Op>]>) {
    out.push({ name: type, op: table.base })
    for (const [field, values] of Object.entries(table.vary ?? {}) as Array<[string, ReadonlyArray<unknown>]>) {
      values.forEach((value, n) => {
        const op: Record<string, unknown> = { ...table.base }
        if (value === ABSENT) delete op[field]
        else op[field] = value
        out.push({ name: `${type}.${field}=${n}`, op: op as unknown as Op })
      })
    }
    table.also?.forEach((op, n) => out.push({ name: `${type}+${n}`, op }))
  }
  return out
}

export interface FrameExample { name: string, frame: Frame }

/** Frames: the header's varints at their edges, and one frame of every base op. */
export function frameExamples (): FrameExample[] {
  const all = Object.values(OP_TABLES).map(table => table.base as Op)
  const profiles = (n: number): Op[] => Array.from({ length: n }, (_, i) => ({ type: 'profile', name: `p${i}` }))
  return [
    { name: 'one op, time 0', frame: { version: PROTOCOL_VERSION, time: 0, ops: [OP_TABLES.profile.base] } },
    { name: 'one op, a real clock', frame: { version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops: [OP_TABLES.profile.base] } },
    { name: 'time 252 and 253 (varint edge)', frame: { version: PROTOCOL_VERSION, time: 253, ops: profiles(252) } },
    { name: '253 ops (3-byte count)', frame: { version: PROTOCOL_VERSION, time: 65_536, ops: profiles(253) } },
    { name: 'every op type, in tag order', frame: { version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops: all } }
  ]
}
