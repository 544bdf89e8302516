/**
 * The golden ledger (PROTOCOL.md, "Golden fixtures"): a fixed, seeded history of a few hundred ops
 * by three writers — every op type, accepted and rejected, proposals decided, a month distributed
 * and paid, a federate checked in and disputed — as the linearised blocks apply takes in. Its
 * blocks are stored as bytes in test/fixtures/protocol/ledger.json; applying them must give the
 * pinned view. The generator only runs when the fixtures are regenerated.
 */
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import { encodeFrame } from '../../src/ledger/codec.js'
import { admitProof } from '../../src/ledger/admission.js'
import { PROTOCOL_VERSION } from '../../src/ledger/ops.js'
import type { AdmitOp, ContributionOp, Op, OpRef } from '../../src/ledger/ops.js'
import type { LinearBlock } from '../../src/consensus/apply.js'
import { prng } from '../prng.js'
import { FAKE_FEDERATES, SIGNED_CHECKINS, SIGNED_DISPUTES } from '../federation-fixtures.js'
import { DEFAULT_RULES } from '../../src/ledger/rules.js'

export const GOLDEN_SEED = 20261206
/** 2026-09-21: before the month the ledger distributes (2026-10) */
const T0 = 1_790_000_000_000
/** 2026-11-01, when October 2026 is over */
const NOVEMBER = 1_793_491_200_000
const OCTOBER_FIRST = 20727
const DAY_MS = 86_400_000

/** One writer's core, as apply sees it: its key and how many blocks it holds. */
class Writer {
  length = 0
  constructor (readonly name: string, readonly key: Uint8Array) {}
  get hex (): string { return b4a.toString(this.key, 'hex') }
  /** the ref of op `index` of this writer's block `seq` */
  ref (seq: number, index = 0): OpRef { return { writer: this.key, seq, index } }
}

export interface GoldenBlock {
  /** the writer's key, hex */
  writer: string
  /** the block's length in its writer's core once appended (its seq + 1) */
  length: number
  /** the block's bytes, hex */
  value: string
}

/** The golden ledger's blocks, in their linearised order. */
export function goldenLedger (seed = GOLDEN_SEED): GoldenBlock[] {
  const random = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))

  const ana = new Writer('ana', b4a.alloc(32, 0xa1))
  const bo = new Writer('bo', b4a.alloc(32, 0xb2))
  const cy = new Writer('cy', b4a.alloc(32, 0xc3))
  const blocks: GoldenBlock[] = []
  let time = T0
  /** the well-formed entries logged so far, by the writer that logged them */
  const entries: Array<{ by: Writer, ref: OpRef }> = []
  const proposals: OpRef[] = []

  const raw = (w: Writer, value: Uint8Array): number => {
    w.length++
    blocks.push({ writer: w.hex, length: w.length, value: b4a.toString(value, 'hex') })
    return w.length - 1
  }
  /** append a frame of ops by `w`; its seq */
  const write = (w: Writer, ops: Op[], opts: { version?: number, at?: number } = {}): number => {
    time += between(1, 5) * 60_000
    const seq = raw(w, encodeFrame({ version: opts.version ?? PROTOCOL_VERSION, time: opts.at ?? time, ops }))
    ops.forEach((op, index) => { if (op.type === 'propose') proposals.push(w.ref(seq, index)) })
    return seq
  }
  const contribution = (over: Partial<ContributionOp> = {}): ContributionOp => {
    const stream = over.stream ?? pick(['livelihood', 'love', 'care'] as const)
    return {
      type: 'contribution',
      stream,
      minutes: between(15, 480),
      day: OCTOBER_FIRST + between(0, 30),
      description: pick(['translated the zine', 'fixed the roof', 'minutes of the assembly', 'bookkeeping', '']),
      project: pick(['zine', 'site', '', 'roof']),
      tags: pick([[], ['docs'], ['docs', 'translation']]),
      client: stream === 'livelihood' ? pick(['Acme', 'Town hall']) : '',
      commons: stream === 'love' ? pick(['', 'wiki']) : '',
      careFor: stream === 'care' ? pick(['collective', 'person'] as const) : null,
      money: stream === 'livelihood' && random() < 0.7 ? { amount: between(100, 200_000), currency: pick(['EUR', 'JPY', 'BHD']) } : null,
      output: null,
      key: '',
      ...over
    }
  }
  const inviteId = (n: number): Uint8Array => b4a.alloc(32, 0x10 + n)
  const hex = (n: number): Uint8Array => b4a.alloc(32, n)
  /** invite n's code's secret, the public key the ledger records, and a joiner's proof with it */
  const inviteSeed = (n: number): Uint8Array => b4a.alloc(32, 0x20 + n)
  const publicKey = (n: number): Uint8Array => crypto.keyPair(inviteSeed(n)).publicKey
  const admit = (n: number, writer: Uint8Array): AdmitOp => ({ type: 'admit', inviteId: inviteId(n), writer, proof: admitProof(inviteSeed(n), inviteId(n), writer) })
  /** the full members' clocks say `time`: the ledger time follows (a tick each) */
  const tick = (...ws: Writer[]): void => { for (const w of ws) write(w, [{ type: 'tick' }]) }

  // --- founding and admissions -----------------------------------------------------------------
  write(ana, [{ type: 'found', coopName: 'Golden Coop', memberName: 'Ana' }])
  write(ana, [
    { type: 'invite', inviteId: inviteId(1), publicKey: publicKey(1), role: 'contributor', expires: T0 + 30 * DAY_MS },
    { type: 'invite', inviteId: inviteId(2), publicKey: publicKey(2), role: 'dater', expires: T0 + 30 * DAY_MS },
    { type: 'invite', inviteId: inviteId(3), publicKey: publicKey(3), role: 'device', expires: T0 + 1 },
    { type: 'invite', inviteId: inviteId(6), publicKey: publicKey(6), role: 'contributor', expires: T0 + 30 * DAY_MS }
  ])
  write(ana, [{ ...admit(6, hex(0x76)), writer: hex(0x75) }]) // ADMIT_PROOF_INVALID: a proof made for another device
  write(ana, [admit(1, bo.key), admit(2, cy.key)])
  write(ana, [admit(1, hex(0x77))]) // INVITE_USED
  write(ana, [admit(3, hex(0x78))]) // INVITE_EXPIRED (on the ledger time: Ana is its only member)
  write(ana, [admit(9, hex(0x79))]) // INVITE_NOT_FOUND
  write(ana, [{ type: 'invite', inviteId: inviteId(1), publicKey: publicKey(1), role: 'contributor', expires: T0 + DAY_MS }]) // INVITE_EXISTS
  write(bo, [{ type: 'invite', inviteId: inviteId(4), publicKey: publicKey(4), role: 'contributor', expires: T0 + DAY_MS }]) // NOT_ALLOWED
  write(bo, [{ type: 'profile', name: 'Bo' }])
  write(cy, [{ type: 'profile', name: 'Cy' }])
  // Cy becomes a member: Ana alone is every binding vote
  write(ana, [{ type: 'propose', action: { kind: 'role', member: cy.key, role: 'member' }, text: 'Cy joins as a member', audience: 'members', deadline: 0 }])
  write(ana, [{ type: 'vote', proposal: proposals[0] as OpRef, choice: 'yes', reason: '' }])
  write(ana, [{ type: 'vote', proposal: proposals[0] as OpRef, choice: 'yes', reason: 'again' }]) // PROPOSAL_DECIDED

  // --- a month of work, with mistakes and hostility in between ---------------------------------
  const writers = [ana, bo, cy]
  const hostile: Array<(w: Writer) => void> = [
    w => raw(w, b4a.from([1, 0xff, 0xff, 0xff])), // MALFORMED_FRAME: garbage after the version
    w => raw(w, b4a.from([])), // MALFORMED_FRAME: no version header
    w => { write(w, [contribution()], { version: 2 }) }, // PROTOCOL_VERSION
    w => { write(w, [contribution()], { at: T0 - DAY_MS }) }, // CLOCK_WENT_BACK
    w => { write(w, [contribution({ minutes: 0 })]) }, // INVALID_DURATION
    w => { write(w, [contribution({ stream: 'love', commons: '', money: { amount: 5, currency: 'EUR' } })]) }, // INVALID_FIELD (money)
    w => { write(w, [contribution({ description: 'line\u0007bell' })]) }, // INVALID_FIELD (control characters)
    w => { write(w, [contribution({ tags: ['a', 'a'] })]) }, // INVALID_FIELD (tag twice)
    w => { write(w, [contribution({ project: 'p'.repeat(101) })]) }, // FIELD_TOO_LONG
    w => { write(w, [contribution({ day: 5 })]) }, // INVALID_DATE
    w => { write(w, [contribution({ stream: 'livelihood', money: { amount: 1, currency: 'XXX' } })]) }, // UNKNOWN_CURRENCY
    w => { write(w, [contribution({ forCoop: b4a.toString(hex(0x99), 'hex') })]) }, // UNKNOWN_FEDERATE
    w => { write(w, [contribution({ key: 'once' })]) }, // DUPLICATE_KEY from the second on
    w => { write(w, [{ type: 'amend', target: w.ref(0, 9), patch: { minutes: 10 } }]) }, // ENTRY_NOT_FOUND
    w => { write(w, [{ type: 'amend', target: (pick(entries)).ref, patch: {} }]) }, // EMPTY_AMEND
    w => { write(w, [{ type: 'endorse', target: (pick(entries)).ref }]) }, // OWN_ENTRY, NOT_ALLOWED or ALREADY_ENDORSED, or accepted
    w => { write(w, [{ type: 'found', coopName: 'Again', memberName: w.name }]) }, // ALREADY_FOUNDED
    w => { write(w, [{ type: 'close', proposal: proposals[0] as OpRef }]) }, // PROPOSAL_DECIDED
    w => { write(w, [{ type: 'vote', proposal: w.ref(1, 7), choice: 'no', reason: '' }]) }, // PROPOSAL_NOT_FOUND
    w => { write(w, [{ type: 'paid', month: '2026-09', day: OCTOBER_FIRST, reference: 'x' }]) }, // STATEMENT_NOT_FOUND / NOT_ALLOWED
    w => { write(w, [{ type: 'income', money: { amount: 0, currency: 'EUR' }, client: 'Acme', day: OCTOBER_FIRST, description: '', key: '' }]) } // INVALID_AMOUNT
  ]
  const stranger = new Writer('stranger', hex(0x5e))
  for (let i = 0; i < 210; i++) {
    const w = pick(writers)
    const r = random()
    if (r < 0.55) {
      const ops = Array.from({ length: between(1, 3) }, () => contribution())
      const seq = write(w, ops)
      ops.forEach((_, index) => entries.push({ by: w, ref: w.ref(seq, index) }))
    } else if (r < 0.65 && entries.length > 0) {
      const e = pick(entries)
      write(w, [{ type: 'amend', target: e.ref, patch: pick([{ minutes: between(10, 300) }, { project: 'site', tags: ['docs'] }, { day: OCTOBER_FIRST + between(0, 30) }]) }])
    } else if (r < 0.7 && entries.length > 0) {
      write(w, [{ type: 'retract', target: pick(entries).ref, reason: pick(['twice', 'wrong month', '']) }])
    } else if (r < 0.78 && entries.length > 0) {
      write(w, [{ type: 'endorse', target: pick(entries).ref }])
    } else if (r < 0.83) {
      write(w, [{ type: 'income', money: { amount: between(1000, 500_000), currency: 'EUR' }, client: pick(['Acme', 'Town hall']), day: OCTOBER_FIRST + between(0, 30), description: 'invoice', key: pick(['', `inv-${between(1, 20)}`]) }])
    } else if (r < 0.86) {
      raw(stranger, encodeFrame({ version: PROTOCOL_VERSION, time: time += 1000, ops: [contribution()] })) // UNKNOWN_DEVICE
    } else {
      pick(hostile)(w)
    }
  }

  // every hostile case at least once, whatever the seed picked
  hostile.forEach((h, i) => h(writers[i % writers.length] as Writer))
  const bos = entries.filter(e => e.by === bo)
  const first = bos[0]!
  const second = bos[1]!
  write(ana, [{ type: 'endorse', target: first.ref }, { type: 'endorse', target: first.ref }]) // the second: ALREADY_ENDORSED
  write(bo, [{ type: 'retract', target: second.ref, reason: 'not mine after all' }])
  write(bo, [{ type: 'amend', target: second.ref, patch: { minutes: 42 } }]) // ENTRY_RETRACTED
  write(ana, [{ type: 'invite', inviteId: inviteId(5), publicKey: publicKey(5), role: 'device', expires: time + DAY_MS }])
  write(ana, [admit(5, bo.key)]) // WRITER_EXISTS

  // --- governance: rules, a federate, a motion that fails, a distribution ----------------------
  const fed = FAKE_FEDERATES[0]!
  const decide = (text: string, action: Extract<Op, { type: 'propose' }>['action'], choice: 'yes' | 'no' | 'block' = 'yes'): void => {
    write(ana, [{ type: 'propose', action, text, audience: 'members', deadline: 0 }])
    const p = proposals[proposals.length - 1] as OpRef
    write(ana, [{ type: 'vote', proposal: p, choice, reason: '' }])
    write(cy, [{ type: 'vote', proposal: p, choice, reason: 'agreed' }])
  }
  decide('new rates', { kind: 'rules', rules: { ...DEFAULT_RULES, rate: { livelihood: 1, love: 2, care: 2 }, moneyRate: 0, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 1, daterCredits: 'recorded', needsEndorsement: false, late: 'carry' } })
  decide('federate with the bakery', { kind: 'federate', key: fed.key, topic: hex(0x33), name: 'Bakery' })
  decide('a motion nobody wants', { kind: 'motion' }, 'no')
  decide('remove Ana', { kind: 'remove', member: ana.key }, 'block')
  decide('two days to read a proposal', { kind: 'deliberation', hours: 48 })
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'too soon', audience: 'members', deadline: time + 24 * 3_600_000 }]) // DEADLINE_TOO_SOON
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'lazy consensus', audience: 'all', deadline: time + 50 * 3_600_000 }])
  const lazy = proposals[proposals.length - 1] as OpRef
  write(cy, [{ type: 'close', proposal: lazy }]) // CLOSE_TOO_EARLY
  write(bo, [{ type: 'close', proposal: lazy }]) // NOT_ALLOWED: a contributor's close decides nothing
  write(bo, [{ type: 'vote', proposal: lazy, choice: 'yes', reason: '' }]) // NOT_ALLOWED: a contributor does not vote
  write(cy, [{ type: 'close', proposal: lazy }], { at: time + 100 * 3_600_000 }) // CLOSE_TOO_EARLY: one clock ahead moves nothing
  time += 100 * 3_600_000
  tick(ana)
  write(cy, [{ type: 'close', proposal: lazy }])
  write(cy, [{ type: 'close', proposal: proposals[0] as OpRef }]) // PROPOSAL_DECIDED
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'no deadline', audience: 'members', deadline: 0 }])
  write(ana, [{ type: 'vote', proposal: proposals[proposals.length - 1] as OpRef, choice: 'yes', reason: '' }])
  write(ana, [{ type: 'close', proposal: proposals[proposals.length - 1] as OpRef }]) // CLOSE_TOO_EARLY: the deliberation is not over

  write(ana, [SIGNED_CHECKINS[0]!])
  write(cy, [SIGNED_CHECKINS[1]!]) // ALREADY_CHECKED_IN: same period
  write(bo, [contribution({ stream: 'love', forCoop: b4a.toString(fed.key, 'hex') })])
  write(cy, [SIGNED_DISPUTES[0]!])
  write(ana, [SIGNED_DISPUTES[0]!]) // DISPUTE_RECORDED
  write(ana, [{ ...SIGNED_CHECKINS[2]!, signature: b4a.alloc(64, 1) }]) // INVALID_CHECKIN
  write(ana, [{ ...SIGNED_DISPUTES[0]!, observed: SIGNED_DISPUTES[0]!.witnessed }]) // INVALID_EVIDENCE

  write(ana, [{ type: 'propose', action: { kind: 'distribute', month: '2026-11', pool: { amount: 100_000, currency: 'EUR' } }, text: '', audience: 'members', deadline: 0 }]) // MONTH_NOT_OVER
  time = NOVEMBER + DAY_MS
  tick(ana, cy)
  decide('pay October', { kind: 'distribute', month: '2026-10', pool: { amount: 1_000_000, currency: 'EUR' } })
  write(ana, [{ type: 'propose', action: { kind: 'distribute', month: '2026-10', pool: { amount: 5, currency: 'EUR' } }, text: '', audience: 'members', deadline: 0 }]) // MONTH_DISTRIBUTED
  write(bo, [contribution({ day: OCTOBER_FIRST + 3 })]) // a late change to October
  write(cy, [{ type: 'paid', month: '2026-10', day: OCTOBER_FIRST + 33, reference: 'bank 42' }])
  write(ana, [{ type: 'paid', month: '2026-10', day: OCTOBER_FIRST + 34, reference: 'again' }]) // ALREADY_PAID
  write(bo, [{ type: 'profile', name: 'Bo B.' }])

  // --- decision types: a ranked poll, consent with an objection resolved, the advice process ----
  const last = (): OpRef => proposals[proposals.length - 1] as OpRef
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'which kettle', audience: 'members', deadline: 0, decision: { type: 'ranked', options: ['steel', 'glass', 'clay'], budget: 0 } }])
  const poll = last()
  write(ana, [{ type: 'vote', proposal: poll, choice: 'yes', reason: '' }]) // DECISION_RULE: a poll takes ballots
  write(cy, [{ type: 'ballot', proposal: poll, values: [1, 1], reason: '' }]) // INVALID_FIELD: ranked twice
  write(bo, [{ type: 'ballot', proposal: poll, values: [0], reason: '' }]) // NOT_ALLOWED: a contributor
  write(ana, [{ type: 'ballot', proposal: poll, values: [2, 0], reason: '' }])
  write(cy, [{ type: 'ballot', proposal: poll, values: [1, 2], reason: 'glass' }]) // every binding ballot: glass wins the runoff
  write(ana, [{ type: 'propose', action: { kind: 'remove', member: cy.key }, text: '', audience: 'members', deadline: 0, decision: { type: 'advice', options: [], budget: 0 } }]) // INVALID_FIELD: advice decides motions only
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'paint the door', audience: 'members', deadline: 0, decision: { type: 'consent', options: [], budget: 0 } }])
  const consent = last()
  write(cy, [{ type: 'vote', proposal: consent, choice: 'block', reason: '' }]) // DECISION_RULE: object with a reason instead
  const objection = cy.ref(write(cy, [{ type: 'object', proposal: consent, reason: 'not red' }]), 0)
  write(cy, [{ type: 'object', proposal: consent, reason: 'really not red' }]) // DECISION_RULE: one open objection each
  write(ana, [{ type: 'vote', proposal: consent, choice: 'yes', reason: '' }])
  write(ana, [{ type: 'resolve', proposal: consent, objection, outcome: 'withdrawn', note: '' }]) // DECISION_RULE: not the objector
  write(cy, [{ type: 'resolve', proposal: consent, objection, outcome: 'resolved', note: 'blue now' }]) // round 2
  write(ana, [{ type: 'vote', proposal: consent, choice: 'yes', reason: 'blue is fine' }])
  write(cy, [{ type: 'vote', proposal: consent, choice: 'abstain', reason: '' }]) // every binding voter: passed
  write(ana, [{ type: 'propose', action: { kind: 'motion' }, text: 'move the assembly to Thursdays', audience: 'members', deadline: 0, decision: { type: 'advice', options: [], budget: 0 } }])
  const advice = last()
  write(cy, [{ type: 'vote', proposal: advice, choice: 'block', reason: 'Thursdays I work' }]) // heard as a discourage
  write(cy, [{ type: 'decide', proposal: advice, adopt: true, reason: '' }]) // DECISION_RULE: only the proposer decides
  write(ana, [{ type: 'decide', proposal: advice, adopt: true, reason: '' }]) // DECISION_RULE: Ana has not heard every voter yet
  write(ana, [{ type: 'vote', proposal: advice, choice: 'yes', reason: '' }])
  write(ana, [{ type: 'decide', proposal: advice, adopt: false, reason: 'Cy cannot come on Thursdays' }])

  // --- the accounting rules of issue 22 (after every block above, which keep their bytes) -------
  write(bo, [contribution({ stream: 'love', commons: '', output: { unit: 'words', quantity: 10 } })]) // UNKNOWN_UNIT: the rules name no unit yet
  decide('new rates again', { kind: 'rules', rules: { ...DEFAULT_RULES, rate: { livelihood: 1, love: 2, care: 2 }, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 1 } }) // the `rules` kind: no new field used
  decide('the rule set of issue 22', {
    kind: 'rules',
    rules: {
      rate: { livelihood: 1, love: 2, care: 2 }, moneyRate: 0, split: { livelihood: 50, love: 30, care: 20 }, careWeight: 1, daterCredits: 'recorded', needsEndorsement: false, late: 'carry',
      // a contributor's care recorded, stages, a quarterly quota, a cap whose excess is shared, words as output
      period: 'month',
      stages: [{ livelihood: 0, love: 100, care: 0 }, { livelihood: 50, love: 100, care: 0 }],
      care: { member: 'paid', dater: 'recorded', contributor: 'recorded' },
      quota: { period: 'quarter', credits: { member: 24_000, dater: 12_000, contributor: 0 } },
      cap: { amount: 300_000, currency: 'EUR', excess: 'share' },
      units: [{ name: 'words', credits: 4800, per: 1000 }]
    }
  })
  const words = bo.ref(write(bo, [contribution({ stream: 'love', commons: '', minutes: 0, output: { unit: 'words', quantity: 1234 } })]), 0) // output alone, no minutes
  write(cy, [contribution({ stream: 'love', commons: '', output: { unit: 'pages', quantity: 3 } })]) // UNKNOWN_UNIT
  write(bo, [contribution({ stream: 'love', commons: '', output: { unit: 'words', quantity: 800 }, forCoop: b4a.toString(fed.key, 'hex') })]) // an output for a federate
  write(bo, [{ type: 'amend', target: words, patch: { output: { unit: 'words', quantity: 1500 } } }])
  write(bo, [{ type: 'amend', target: words, patch: { output: { unit: 'pages', quantity: 1 } } }]) // UNKNOWN_UNIT
  decide('Cy in the second stage', { kind: 'onboarding', member: cy.key, stage: 2 })
  write(ana, [{ type: 'propose', action: { kind: 'distribute', month: '2026-Q4', pool: { amount: 1_000, currency: 'EUR' } }, text: 'pay the quarter', audience: 'members', deadline: 0 }]) // PERIOD_KIND: the rules pay per month
  return blocks
}

/** The blocks as apply takes them. */
export function linearBlocks (blocks: GoldenBlock[]): LinearBlock[] {
  return blocks.map(b => ({ from: { key: b4a.from(b.writer, 'hex') }, length: b.length, value: b4a.from(b.value, 'hex') }))
}
