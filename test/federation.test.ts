import t from 'tap'
import b4a from 'b4a'
import { DiscoError } from '../src/errors.js'
import { decodeFrame, encodeFrame } from '../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { DisputeOp, Op, ProposalAction } from '../src/ledger/ops.js'
import { validateOpWithSignatures as validateOp } from '../src/consensus/validate-op.js'
import { checkinPeriod, decodeFederationCode, encodeFederationCode } from '../src/ledger/federation.js'
import { verifyEvidence } from '../src/consensus/federate-signatures.js'
import { evidenceFromJson, evidenceToJson } from '../src/federation/evidence-file.js'
import { verifyEvidenceText } from '../src/commands/verify-evidence.js'
import { getRejection, getEntry } from '../src/consensus/queries.js'
import { getFederate, listCheckins, listDisputes } from '../src/consensus/federation-queries.js'
import { FAKE_FEDERATES, checkinOf, fakeFederate, signState } from '../bench/federation-fixtures.js'
import { contribution } from './helpers/ops.js'
import { cooperative } from './helpers/coop.js'
import type { Coop } from './helpers/coop.js'
import type { FakeWriter } from './helpers/ops.js'
import { bareView, dump, host } from './helpers/ops.js'
import { folder } from './helpers/cluster.js'
import { apply } from '../src/consensus/apply.js'

const fed = FAKE_FEDERATES[0]!
const hash = (n: number): Buffer => b4a.alloc(32, n) as Buffer
const hex = (b: Uint8Array): string => b4a.toString(b, 'hex')
const roundTrip = (ops: Op[]): Op[] => decodeFrame(encodeFrame({ version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops })).ops
const fork = (): DisputeOp => ({ type: 'dispute', federate: fed.key, manifest: fed.manifest, witnessed: signState(fed, hash(1), 5, 0), observed: signState(fed, hash(2), 5, 0), prefix: [], extension: [] })

function code (fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    return err instanceof DiscoError ? err.code : `not a DiscoError: ${String(err)}`
  }
  return 'no error'
}

t.test('codec: a contribution without forCoop keeps its bytes; with it, a tag of its own', async t => {
  const plain = contribution()
  const bytes = encodeFrame({ version: 1, time: 0, ops: [plain] })
  // version 1, time 0, one op, tag 1 (contribution): exactly what a node before federation wrote
  t.same([...bytes.subarray(0, 4)], [1, 0, 1, 1])
  t.same(roundTrip([plain]), [plain], 'decodes without a forCoop field')
  const forCoop = { ...plain, forCoop: hex(fed.key) }
  const withCoop = encodeFrame({ version: 1, time: 0, ops: [forCoop] })
  t.equal(withCoop[3], 15, 'the forCoop tag comes after every op type')
  t.same([...withCoop.subarray(4, bytes.byteLength)], [...bytes.subarray(4)], 'then the same body')
  t.same(roundTrip([forCoop]), [forCoop])
  // the forCoop tag with an empty forCoop is a second byte form of a plain contribution
  const empty = Buffer.concat([withCoop.subarray(0, bytes.byteLength), Buffer.from([0])])
  t.equal(code(() => decodeFrame(empty)), 'MALFORMED_FRAME')
  t.equal(code(() => validateOp({ ...plain, forCoop: '' })), 'INVALID_FIELD', "'' is not a federate id")
})

t.test('codec: check-ins, disputes and the federation proposals round-trip', async t => {
  const checkin = checkinOf(fed, signState(fed, hash(7), 300, 2))
  const dispute = fork()
  const actions: ProposalAction[] = [
    { kind: 'federate', key: fed.key, topic: hash(9), name: 'Other Coop' },
    { kind: 'unfederate', key: fed.key },
    { kind: 'trust', key: fed.key, value: 70, stage: 3 },
    { kind: 'checkins', days: 30 }
  ]
  const ops: Op[] = [checkin, dispute, ...actions.map((action): Op => ({ type: 'propose', action, text: '', audience: 'members', deadline: 0 }))]
  for (const o of ops) validateOp(o)
  t.same(roundTrip(ops).map(o => JSON.stringify(o)), ops.map(o => JSON.stringify(o)))
})

t.test('validation: limits of trust, stage, period and names', async t => {
  const propose = (action: ProposalAction): Op => ({ type: 'propose', action, text: '', audience: 'members', deadline: 0 })
  t.equal(code(() => validateOp(propose({ kind: 'trust', key: fed.key, value: 101, stage: 3 }))), 'INVALID_FIELD')
  t.equal(code(() => validateOp(propose({ kind: 'trust', key: fed.key, value: 50, stage: 8 }))), 'INVALID_FIELD')
  t.equal(code(() => validateOp(propose({ kind: 'trust', key: fed.key, value: 50, stage: 0 }))), 'INVALID_FIELD')
  t.equal(code(() => validateOp(propose({ kind: 'checkins', days: 0 }))), 'INVALID_FIELD')
  t.equal(code(() => validateOp(propose({ kind: 'federate', key: fed.key, topic: hash(1), name: ' ' }))), 'INVALID_FIELD')
  t.equal(code(() => validateOp(propose({ kind: 'federate', key: fed.key, topic: hash(1), name: 'x'.repeat(101) }))), 'FIELD_TOO_LONG')
  const ci = checkinOf(fed, signState(fed, hash(7), 10, 0))
  t.equal(code(() => validateOp({ ...ci, signature: Buffer.alloc(2049) })), 'INVALID_FIELD', 'a signature of at most 2048 bytes')
  t.equal(code(() => validateOp({ ...ci, manifest: Buffer.alloc(0) })), 'INVALID_FIELD', 'a manifest')
  const node = { index: 0, size: 1, hash: hash(1) }
  t.equal(code(() => validateOp({ ...fork(), prefix: Array.from({ length: 129 }, () => node) })), 'INVALID_FIELD', 'at most 128 merkle nodes')
})

t.test('a check-in carries the federate\'s own signature', async t => {
  const good = checkinOf(fed, signState(fed, hash(7), 10, 0))
  validateOp(good)
  t.equal(code(() => validateOp({ ...good, treeHash: hash(8) })), 'INVALID_CHECKIN', 'another tree hash')
  t.equal(code(() => validateOp({ ...good, length: 11 })), 'INVALID_CHECKIN', 'another length')
  const other = FAKE_FEDERATES[1]!
  t.equal(code(() => validateOp({ ...good, federate: other.key })), 'INVALID_EVIDENCE', "a manifest that is not the federate's")
  t.equal(code(() => validateOp({ ...good, manifest: other.manifest, federate: other.key })), 'INVALID_CHECKIN', "signed by someone else's key")
})

t.test('evidence: what proves a rewrite and what does not', async t => {
  t.equal(verifyEvidence(fork()), 'fork')
  const trunc: DisputeOp = { ...fork(), witnessed: signState(fed, hash(1), 10, 0), observed: signState(fed, hash(2), 4, 1) }
  t.equal(verifyEvidence(trunc), 'truncation')
  t.equal(code(() => verifyEvidence({ ...fork(), observed: signState(fed, hash(1), 5, 0) })), 'INVALID_EVIDENCE', 'one history signed twice')
  t.equal(code(() => verifyEvidence({ ...trunc, observed: signState(fed, hash(2), 4, 0) })), 'INVALID_EVIDENCE', 'a shorter state signed earlier')
  t.equal(code(() => verifyEvidence({ ...fork(), observed: { ...fork().observed, treeHash: hash(3) } })), 'INVALID_EVIDENCE', 'a signature over another hash')
  const stranger = fakeFederate(99)
  t.equal(code(() => verifyEvidence({ ...fork(), observed: signState(stranger, hash(2), 5, 0) })), 'INVALID_EVIDENCE', "a stranger's signature")

  const file = JSON.stringify(evidenceToJson(fork(), 'Other Coop'))
  const ok = verifyEvidenceText(file)
  t.equal(ok.kind, 'fork')
  t.match(ok.message, /valid evidence: federate Other Coop signed two different histories/)
  const tampered = JSON.parse(file) as { observed: { treeHash: string } }
  tampered.observed.treeHash = hex(hash(5))
  t.throws(() => verifyEvidenceText(JSON.stringify(tampered)), { code: 'INVALID_EVIDENCE' })
  t.throws(() => verifyEvidenceText('{'), { code: 'INVALID_EVIDENCE' })
  t.same(evidenceFromJson(JSON.parse(file)), { federate: fed.key, manifest: fed.manifest, witnessed: fork().witnessed, observed: fork().observed, prefix: [], extension: [] })
})

t.test('the federation code', async t => {
  const c = encodeFederationCode({ key: fed.key, topic: hash(4) })
  t.match(c, /^disco-federation-v1:[0-9a-f]{64}:[0-9a-f]{64}$/)
  t.same(decodeFederationCode(c), { key: fed.key, topic: hash(4) })
  t.throws(() => decodeFederationCode(c.replace('v1', 'v2')), { code: 'INVALID_ARGUMENT', message: /newer/ })
  t.throws(() => decodeFederationCode('nonsense'), { code: 'INVALID_ARGUMENT' })
})

// --- in apply ----------------------------------------------------------------------------------

async function pass (coop: Coop, members: FakeWriter[], action: ProposalAction): Promise<string> {
  const p = await coop.propose(members[0]!, action)
  for (const m of members) if ((await coop.proposal(p)).status === 'open') await coop.vote(m, p, 'yes')
  const decided = await coop.proposal(p)
  return decided.status === 'passed' ? 'passed' : `${decided.status}: ${decided.reason}`
}

async function rejected (coop: Coop, ref: { writer: Buffer, seq: number, index: number }): Promise<string | null> {
  return (await getRejection(coop.view, `${hex(ref.writer)}-${ref.seq}-${ref.index}`))?.code ?? null
}

t.test('apply: federate by proposal, check in once a period, log work for it, dispute', async t => {
  const { coop, members } = await cooperative(t, 2)
  const [a, b] = members as [FakeWriter, FakeWriter]
  const id = hex(fed.key)
  const ci = (length: number) => checkinOf(fed, signState(fed, hash(length % 200), length, 0))

  t.equal(await rejected(coop, await coop.write(a, [ci(3)])), 'UNKNOWN_FEDERATE', 'no check-in before the federation')
  t.equal(await rejected(coop, await coop.write(a, [contribution({ forCoop: id })])), 'UNKNOWN_FEDERATE', 'no work for a stranger')

  t.equal(await pass(coop, members, { kind: 'federate', key: fed.key, topic: hash(9), name: 'Other Coop' }), 'passed')
  t.match(await getFederate(coop.view, id), { name: 'Other Coop', trust: 0, stage: 1, checkins: 0, removedAt: null })
  t.equal(await pass(coop, members, { kind: 'federate', key: fed.key, topic: hash(9), name: 'Again' }), 'failed: already federated with it, as Other Coop')

  t.equal(await rejected(coop, await coop.write(a, [ci(3)])), null, 'a check-in')
  t.equal(await rejected(coop, await coop.write(b, [ci(4)])), 'ALREADY_CHECKED_IN', 'one per period counts')
  await coop.advance(coop.time + 7 * 86_400_000, [a, b]) // periods run on the ledger time
  t.equal(await rejected(coop, await coop.write(b, [ci(9)])), null, 'the next period')
  const checkins = await listCheckins(coop.view, id)
  t.same(checkins.map(c => c.length), [3, 9])
  t.equal(checkins[1]!.period, checkinPeriod(coop.time, 7))
  t.match(await getFederate(coop.view, id), { checkins: 2, lastCheckin: { length: 9 } })

  const work = await coop.write(a, [contribution({ forCoop: id })])
  t.equal(await rejected(coop, work), null)
  t.equal((await getEntry(coop.view, `${hex(work.writer)}-${work.seq}-0`))?.forCoop, id)

  t.equal(await pass(coop, members, { kind: 'trust', key: fed.key, value: 70, stage: 3 }), 'passed')
  t.match(await getFederate(coop.view, id), { trust: 70, stage: 3 })
  t.equal(await pass(coop, members, { kind: 'checkins', days: 1 }), 'passed')
  coop.time += 86_400_000
  t.equal(await rejected(coop, await coop.write(a, [ci(12)])), null, 'daily now')

  t.equal(await rejected(coop, await coop.write(b, [fork()])), null, 'a dispute with evidence')
  t.equal(await rejected(coop, await coop.write(a, [fork()])), 'DISPUTE_RECORDED', 'the same evidence once')
  t.match(await listDisputes(coop.view, id), [{ kind: 'fork', witnessed: { length: 5 } }])
  t.match(await getFederate(coop.view, id), { disputes: 1 })

  t.equal(await pass(coop, members, { kind: 'unfederate', key: fed.key }), 'passed')
  coop.time += 86_400_000
  t.equal(await rejected(coop, await coop.write(a, [ci(20)])), 'UNKNOWN_FEDERATE', 'no check-ins after the federation ended')
  t.equal(await pass(coop, members, { kind: 'trust', key: fed.key, value: 1, stage: 1 }), 'failed: no such federate')

  // apply is a pure function of the blocks: the same ledger in one apply call gives the same view
  const replay = await bareView(folder(t, 'replay'))
  t.teardown(replay.close)
  await apply(coop.applied, replay.bee, host())
  t.same(await dump(replay.bee), await dump(coop.view), 'a replay in one batch gives the same view, digest included')
})
