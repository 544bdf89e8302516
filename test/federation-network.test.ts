import t from 'tap'
import fs from 'node:fs'
import path from 'node:path'
import b4a from 'b4a'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import crypto from 'hypercore-crypto'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { converged, folder, founder, joiner, testnet } from './helpers/cluster.js'
import type { DiscoNode } from '../src/node/node.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { log } from '../src/commands/log.js'
import { report } from '../src/commands/report.js'
import { checkin } from '../src/commands/checkin.js'
import { federation, federationEvidence, federationInvite } from '../src/commands/federation.js'
import { verifyEvidenceText } from '../src/commands/verify-evidence.js'
import { encodeFederationCode } from '../src/ledger/federation.js'
import type { FederationEvent } from '../src/federation/desk.js'
import { federationUntil as until, signedCore as rogue } from './helpers/federates.js'
import { verify } from '../src/commands/verify.js'

async function federate (t: Test, by: DiscoNode, code: string, name: string): Promise<void> {
  const p = (await propose(by, { kind: 'federate', code, name })).proposal
  t.equal((await vote(by, { id: p.shortId, choice: 'yes' })).proposal.status, 'passed', `federated with ${name}`)
}

/** Every file under a folder contains none of these bytes. */
function nowhereIn (dir: string, needle: Uint8Array): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    if (fs.readFileSync(path.join(entry.parentPath, entry.name)).includes(Buffer.from(needle))) return false
  }
  return true
}

t.test('two cooperatives federate by code and proposal, witness each other, and catch a rewrite', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network, 'Ana')
  const ben = await joiner(t, network, ana, 'Ben')
  const cat = await founder(t, network, 'Cat')
  const dan = await joiner(t, network, cat, 'Dan')
  await Promise.all([converged([ana, ben]), converged([cat, dan])])
  const secret = 'the minutes of our private meeting'
  await log(cat, { stream: 'care', duration: '1h', description: secret })
  await converged([cat, dan])

  // each cooperative federates with the other by its code, by a passed proposal
  const codeA = (await federationInvite(ana)).code
  const codeB = (await federationInvite(cat)).code
  t.match(codeA, /^disco-federation-v1:/)
  await federate(t, ana, codeB, 'Coop B')
  await federate(t, cat, codeA, 'Coop A')
  await Promise.all([converged([ana, ben]), converged([cat, dan])])

  // check-ins both ways: a running node checks in once a period by itself
  const events: FederationEvent[] = []
  ana.on('federation', (e: FederationEvent) => events.push(e))
  const lastCheckin = async (n: DiscoNode): Promise<number | null> => (await federation(n)).federates[0]?.lastCheckin?.length ?? null
  await until([ana, cat], 'check-ins both ways', async () => (await lastCheckin(ana)) !== null && (await lastCheckin(cat)) !== null)
  t.ok(events.some(e => e.type === 'checkin' && e.name === 'Coop B'), "disco start's output says it checked in")
  await t.rejects(checkin(ana, { federate: 'Coop B' }), { code: 'ALREADY_CHECKED_IN' }, 'one check-in per federate per period')
  await Promise.all([converged([ana, ben]), converged([cat, dan])])
  const seenByBen = (await federation(ben)).federates[0]
  t.match(seenByBen, { name: 'Coop B', checkins: 1, trust: 0, stage: 1 }, "Ben's node sees Ana's check-in in the ledger")
  t.ok((seenByBen?.lastCheckin?.length ?? 0) > 0)

  // trust and journey stage by proposal
  const trust = (await propose(ana, { kind: 'trust', federate: 'Coop B', value: 70, stage: 3 })).proposal
  t.equal((await vote(ana, { id: trust.shortId, choice: 'yes' })).proposal.status, 'passed')
  t.match((await federation(ana)).federates[0], { trust: 70, stage: 3 })

  // work for the federate, and the report by coop
  await log(ben, { stream: 'love', duration: '2h', description: 'reviewed their bylaws', forCoop: 'Coop B' })
  await log(ben, { stream: 'love', duration: '1h', description: 'our own newsletter' })
  await converged([ana, ben])
  const byCoop = await report(ana, { by: 'coop' })
  t.same(byCoop.rows.map(r => [r.label, r.minutes]), [['(this cooperative)', 60], ['Coop B', 120]])

  // the witness never got the federate's encryption key and holds nothing it could read
  t.ok(nowhereIn(ana.storage, cat.encryptionKeyForPairing()), "Coop B's encryption key is nowhere in Ana's storage")
  t.ok(nowhereIn(ana.storage, b4a.from(secret)), "Coop B's entries are nowhere in Ana's storage as text")
  const witnessed = ana.base.store.get({ key: cat.base.core.key })
  await witnessed.ready()
  t.ok(witnessed.length > 0, "Ana's store holds Coop B's signed core")
  const block = await witnessed.get(0, { timeout: 5000 })
  t.ok(block !== null && !block.includes(Buffer.from('Cat')), 'a block of it is ciphertext')
  await witnessed.close()

  // a federate that rewrites its signed history is caught, with evidence a third party can check
  const keyPair = crypto.keyPair()
  const before = await rogue(t, network, 'rogue-1', keyPair, ['a', 'b', 'c', 'd', 'e'])
  await federate(t, ana, encodeFederationCode({ key: before.core.key, topic: before.core.discoveryKey }), 'Rogue')
  const rogueRow = async () => (await federation(ana)).federates.find(f => f.name === 'Rogue')
  await until([ana], 'a check-in of the rogue', async () => (await rogueRow())?.lastCheckin?.length === 5)
  await before.close()
  const after = await rogue(t, network, 'rogue-2', keyPair, ['a', 'b', 'c', 'd', 'f', 'e'])
  await until([ana], 'the dispute', async () => (await federation(ana)).disputes.length > 0, 30_000)
  const dispute = (await federation(ana)).disputes[0]!
  t.match(dispute, { name: 'Rogue', witnessedLength: 5 })
  t.ok(events.some(e => e.type === 'dispute' && e.name === 'Rogue' && e.recorded), "disco start's output reports the dispute")
  t.match(await rogueRow(), { disputes: 1 })

  const { evidence } = await federationEvidence(ana, { id: dispute.shortId })
  const verdict = verifyEvidenceText(JSON.stringify(evidence))
  t.equal(verdict.valid, true)
  t.equal(verdict.kind, 'rewrite', 'a longer history whose first five blocks differ: proven by the merkle nodes of the conflict proof')
  t.match(verdict.message, /valid evidence: federate Rogue signed/)
  const tampered = { ...evidence, observed: { ...evidence.observed, signature: evidence.witnessed.signature } }
  t.throws(() => verifyEvidenceText(JSON.stringify(tampered)), { code: 'INVALID_EVIDENCE' }, 'a tampered file proves nothing')
  await converged([ana, ben])
  t.equal((await federation(ben)).disputes.length, 1, 'the dispute is in the ledger every member holds')
  await after.close()

  // a federate that cuts its signed past and writes on past the check-in: the witness takes the
  // signed reorg, and proves it from its own copy
  const cutter = await rogue(t, network, 'cutter', crypto.keyPair(), ['a', 'b', 'c', 'd', 'e'])
  await federate(t, ana, encodeFederationCode({ key: cutter.core.key, topic: cutter.core.discoveryKey }), 'Cutter')
  const cutterRow = async () => (await federation(ana)).federates.find(f => f.name === 'Cutter')
  await until([ana], 'a check-in of the cutter', async () => (await cutterRow())?.lastCheckin?.length === 5)
  await cutter.core.truncate(3)
  await cutter.core.append(['x', 'y', 'z', 'w'].map(b => Buffer.from(b)))
  await until([ana], 'the dispute over the cutter', async () => (await federation(ana)).disputes.some(d => d.name === 'Cutter'))
  const cut = (await federation(ana)).disputes.find(d => d.name === 'Cutter')
  // Whether the witness sees the cut (3 blocks) before the new blocks (7) is up to replication
  // timing: either signed history, against the check-in at 5, is proof.
  t.match(cut, { witnessedLength: 5 })
  t.ok(cut?.kind === 'rewrite' ? cut.observedLength === 7 : cut?.kind === 'truncation' && cut.observedLength === 3,
    `a signed reorg below the check-in is caught: a longer history under a new fork id (proven by its merkle nodes) or the cut itself (${cut?.kind ?? 'none'})`)
  t.equal(verifyEvidenceText(JSON.stringify((await federationEvidence(ana, { id: cut?.id ?? '' })).evidence)).kind, cut?.kind)

  // an autobase federate: Coop B's indexer key signs a longer, different history in a store of its
  // own. hypercore raises no conflict on a core with a prologue; the witness's probe proves it.
  const system = cat.base.core
  const manifest = system.manifest
  const catKeys = cat.base.local.keyPair
  if (manifest === null || catKeys === null) throw new Error('no manifest or key pair')
  const coopB = (await federation(ana)).federates.find(f => f.name === 'Coop B')
  const held = coopB?.signedLength ?? 0
  const shared = manifest.prologue?.length ?? 0
  const past: Buffer[] = []
  for (let i = 0; i < shared; i++) past.push(await system.get(i, { raw: true }) as Buffer)
  const forgery = new Corestore(folder(t, 'forged-b'))
  t.teardown(async () => await forgery.close())
  const forged = forgery.get({ manifest, keyPair: catKeys })
  await forged.ready()
  await forged.append([...past, ...Array.from({ length: held + 5 - shared }, (_, i) => Buffer.from(`rewritten ${i}`))])
  const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: network.bootstrap, host: '127.0.0.1', firewalled: false }) })
  t.teardown(async () => await swarm.destroy())
  swarm.on('connection', (conn: Duplex) => { conn.on('error', () => {}); forgery.replicate(conn) })
  await swarm.join(cat.base.discoveryKey, { client: true, server: true }).flushed()
  await until([ana], 'the dispute over Coop B', async () => (await federation(ana)).disputes.some(d => d.name === 'Coop B'), 40_000)
  const overB = (await federation(ana)).disputes.find(d => d.name === 'Coop B')
  t.match(overB, { kind: 'rewrite' }, 'proven by the merkle nodes of the history the peer served')
  const fileB = (await federationEvidence(ana, { id: overB?.id ?? '' })).evidence
  t.match(verifyEvidenceText(JSON.stringify(fileB)).message, /Coop B signed a longer history that does not contain the one it had signed before/)
  t.ok(events.some(e => e.type === 'dispute' && e.name === 'Coop B' && e.recorded))

  // a replay of Coop A's signed feeds, federation ops and their signatures included, gives its view
  const verified = await verify(ana)
  t.ok(verified.ok, `disco verify passes on a federated node${verified.ok ? '' : `: ${verified.problem ?? ''}`}`)
  t.ok((verified.counted.federates ?? 0) >= 2 && (verified.counted['check-ins'] ?? 0) >= 1 && (verified.counted.disputes ?? 0) >= 1, 'federates, check-ins and disputes among what it compared')
})
