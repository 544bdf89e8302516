import t from 'tap'
import { verifyLedger } from '../src/verify/verify-ledger.js'
import type { Test } from 'tap'
import fs from 'node:fs/promises'
import path from 'node:path'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import { DiscoNode } from '../src/node/node.js'
import { deviceKey, joinCooperative } from '../src/invites/join.js'
import type { JoinOptions } from '../src/invites/join.js'
import { keptInviteSeeds, saveInviteSeed } from '../src/invites/seeds.js'
import { prepareStorage, writeConfig } from '../src/node/storage.js'
import type { NetworkOptions } from '../src/net/swarm.js'
import { invite } from '../src/commands/invite.js'
import { members } from '../src/commands/members.js'
import { balance } from '../src/commands/balance.js'
import { rejections } from '../src/commands/rejections.js'
import { decodeInviteCode, systemKeyOfHint } from '../src/net/invites.js'
import { converged, folder, founder, joiner, testnet } from './helpers/cluster.js'
import { contribution } from './helpers/ops.js'

t.test('an invite code works once: a second joiner with it is refused', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const { code } = await invite(ana, { role: 'contributor' })
  const bo = await joinCooperative({ storage: folder(t, 'bo'), code, network, me: 'Bo', timeoutMs: 20_000 })
  t.teardown(() => bo.close())
  t.ok(bo.base.writable, 'the first joiner writes')

  await t.rejects(joinCooperative({ storage: folder(t, 'eve'), code, network, me: 'Eve', timeoutMs: 20_000 }), { code: 'INVITE_USED' })
  t.same((await members(ana)).members.map(m => m.name), ['Ana', 'Bo'], 'nobody else was admitted')
})

t.test('an expired invite is refused', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  // an invite that expired a minute ago (its expiry is recorded in the ledger)
  const { code } = await invite(ana, { role: 'contributor', expires: '1m' }, Date.now() - 120_000)
  await t.rejects(joinCooperative({ storage: folder(t, 'bo'), code, network, me: 'Bo', timeoutMs: 20_000 }), { code: 'INVITE_EXPIRED' })
  t.equal((await members(ana)).members.length, 1)
})

t.test('a tampered or mistyped code is refused before any network; an unknown one times out clearly', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const { code } = await invite(ana, { role: 'contributor' })
  await t.rejects(joinCooperative({ storage: folder(t, 'a'), code: code.slice(0, 20), network, me: 'X' }), { code: 'INVALID_INVITE' })
  await t.rejects(joinCooperative({ storage: folder(t, 'b'), code: code + '!', network, me: 'X' }), { code: 'INVALID_INVITE' })

  // a well-formed code for this ledger that no node recorded: nobody answers, the joiner gives up
  const { createInvite } = await import('../src/net/invites.js')
  const forged = createInvite(ana.key, Date.now() + 60_000).code
  await t.rejects(joinCooperative({ storage: folder(t, 'c'), code: forged, network, me: 'X', timeoutMs: 3000 }), { code: 'JOIN_TIMEOUT', message: /no member's node answered/ })
  t.equal((await members(ana)).members.length, 1)
  t.same(decodeInviteCode(code).discoveryKey, ana.base.discoveryKey, 'a code names the ledger by its discovery key only')
})

t.test('only a member may invite a participant; anyone may add a device of their own', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  await t.rejects(invite(bo, { role: 'contributor' }), { code: 'NOT_ALLOWED' })
  await t.rejects(invite(ana, { role: 'member' }), { code: 'INVALID_ARGUMENT' })
  const { code } = await invite(bo, { role: 'device' })
  t.ok(decodeInviteCode(code))
})

t.test("a member's second device writes as the same member", async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  const boPi = await joiner(t, network, bo, 'Bo', 'device', folder(t, 'bo-pi'))
  await bo.append([contribution({ minutes: 60 })])
  await boPi.append([contribution({ minutes: 30 })])
  await converged([ana, bo, boPi])

  const list = (await members(ana)).members
  t.equal(list.length, 2, 'still two members')
  const boRecord = list.find(m => m.name === 'Bo')
  t.same(boRecord?.devices, [b4a.toString(bo.localKey, 'hex'), b4a.toString(boPi.localKey, 'hex')])
  const bal = await balance(ana, { member: 'Bo' })
  t.same(bal.members[0]?.streams.find(s => s.stream === 'love'), { stream: 'love', minutes: 90, entries: 2, money: [] }, "both devices' entries count for Bo")
})

t.test('offline writes on two nodes, then reconnect: the same order and digest everywhere', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  const cy = await joiner(t, network, ana, 'Cy')
  await converged([ana, bo, cy])

  // Bo and Cy go offline and write 50 ops each, one block at a time
  const reopenOffline = async (n: DiscoNode): Promise<DiscoNode> => {
    await n.close()
    const offline = await DiscoNode.open({ storage: n.storage })
    t.teardown(() => offline.close())
    return offline
  }
  const boOff = await reopenOffline(bo)
  const cyOff = await reopenOffline(cy)
  for (let i = 0; i < 50; i++) {
    await boOff.append([contribution({ minutes: 1 + i })])
    await cyOff.append([contribution({ minutes: 100 + i })])
    await ana.append([contribution({ minutes: 200 + i })])
  }
  await boOff.close()
  await cyOff.close()

  const started = Date.now()
  const boOn = await DiscoNode.open({ storage: bo.storage, network, ackInterval: 100 })
  const cyOn = await DiscoNode.open({ storage: cy.storage, network, ackInterval: 100 })
  t.teardown(() => boOn.close())
  t.teardown(() => cyOn.close())
  const digest = await converged([ana, boOn, cyOn], 60_000)
  t.comment(`converged ${Date.now() - started} ms after reconnecting 3×50 offline ops`)
  t.match(digest, /^[0-9a-f]{64}$/)
  const bal = await balance(cyOn, {})
  t.equal(bal.total.find(s => s.stream === 'love')?.entries, 150)
  t.same((await rejections(ana, {})).count, { stored: 0, total: 0 })
})

t.test('a peer without the encryption key reads nothing of the ledger', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  const secret = 'members-only-7c1d'
  await ana.append([contribution({ description: secret })])

  // A stranger who even holds the ledger key (a removed participant, a mirror), but not the
  // encryption key: replication gives it blocks, and they are ciphertext. (One who knows only the
  // discovery key, which the swarm announces, cannot name a core to ask for at all.)
  const Corestore = (await import('corestore')).default
  const { Network } = await import('../src/net/swarm.js')
  const store = new Corestore(folder(t, 'stranger'))
  const net = new Network(network, conn => store.replicate(conn))
  t.teardown(async () => { await net.destroy(); await store.close() })
  await net.join(ana.base.discoveryKey)
  const core = store.get({ key: ana.key })
  await core.ready()
  t.teardown(() => core.close())
  const lastBlock = ana.base.local.length - 1
  const block = await core.get(lastBlock, { wait: true, timeout: 10_000 })
  t.ok(block !== null && block.byteLength > 0, 'a block arrived')
  t.notOk(block?.includes(secret), 'and it does not hold the entry in plain text')
})

// Joining fast: the inviting node hands over the ledger's system core key (src/invites/desk.ts).

/** Separate appends, each awaited: each is a block of the system core (autobase fast-forwards
 * only to a system core at least 16 blocks ahead of the node's own). */
async function writeOverTime (node: DiscoNode, appends = 30): Promise<void> {
  for (let i = 0; i < appends; i++) await node.append([contribution({ minutes: 1 + i })])
}

/** Poll a condition that no event announces (a background download), until it holds or time runs out. */
async function eventually (what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not ${what} after ${timeoutMs / 1000} s`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Join, noting the stages the joiner reports. */
async function joinNoting (t: Test, opts: Omit<JoinOptions, 'onProgress'>): Promise<{ node: DiscoNode, paired: string }> {
  const stages = new Map<string, string>()
  const node = await joinCooperative({ timeoutMs: 30_000, ...opts, onProgress: (stage, detail) => stages.set(stage, detail) })
  t.teardown(() => node.close())
  return { node, paired: stages.get('paired') ?? '' }
}

t.test('the inviting node hands over the system key: the joiner fast-forwards and agrees', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  await writeOverTime(ana)
  t.ok(ana.base.core.length > 20, `the ledger's system core is ${ana.base.core.length} blocks long`)

  const { id, code } = await invite(ana, { role: 'contributor' })
  const seeds = path.join(ana.storage, 'invites')
  t.same((await keptInviteSeeds(ana.storage)).map(k => b4a.toString(k, 'hex')), [id], "the inviting node keeps the invite's seed")
  t.equal((await fs.stat(seeds)).mode & 0o777, 0o700, 'in an owner-only folder')
  t.equal((await fs.stat(path.join(seeds, id))).mode & 0o777, 0o600, 'in an owner-only file')

  const { node: bo, paired } = await joinNoting(t, { storage: folder(t, 'bo'), code, network, me: 'Bo' })
  t.match(paired, /fast-forward key/, 'the answer carried the system key')
  t.equal(bo.fastForwards[0]?.from, 0, 'the joiner fast-forwarded before applying anything')
  const digest = await converged([ana, bo])
  t.match(digest, /^[0-9a-f]{64}$/, 'and both nodes hold the same ledger')
  t.same((await members(bo)).members.map(m => m.name), ['Ana', 'Bo'], 'with the joiner named in it')
  t.same(await keptInviteSeeds(ana.storage), [], 'the seed is forgotten once the invite is used')
  await eventually('holding the whole view', () => bo.holdsWholeState)
  t.pass('the joiner then downloads the rest of the view and of the system core')
  await bo.holdsWholeLedger()
  await bo.goOffline()
  const snap = bo.snapshot()
  const offline = await verifyLedger(bo.base, snap, null).finally(async () => { await snap.close() })
  t.match(offline, { ok: true, problem: null }, "and every writer's log: disco verify passes on it offline")
})

t.test('a node that did not make the invite answers without the key: the joiner still catches up', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  await writeOverTime(ana)
  const bo = await joiner(t, network, ana, 'Bo')
  const { id, code } = await invite(ana, { role: 'contributor' })
  await converged([ana, bo])
  // Bo fast-forwarded: once it holds the whole state, it answers with Ana away (reading the invite
  // and applying the admission need blocks a fast-forward does not fetch)
  await eventually('holding the whole view', () => bo.holdsWholeState)
  await ana.close() // Ana, who holds the seed, is away: Bo's node answers

  const { node: cy, paired } = await joinNoting(t, { storage: folder(t, 'cy'), code, network, me: 'Cy' })
  t.notMatch(paired, /fast-forward/, 'the answer carried no system key')
  // (autobase may still find the key alone, from Ana's checkpoints, after applying a few blocks)
  t.not(cy.fastForwards[0]?.from, 0, 'the joiner did not fast-forward before applying')

  const anaBack = await DiscoNode.open({ storage: ana.storage, network, ackInterval: 100 })
  t.teardown(() => anaBack.close())
  await converged([anaBack, bo, cy])
  t.same((await members(cy)).members.map(m => m.name).sort(), ['Ana', 'Bo', 'Cy'], 'and holds the same ledger')

  t.same((await keptInviteSeeds(anaBack.storage)).map(k => b4a.toString(k, 'hex')), [id], "Ana's node still keeps the seed of the invite Bo's node answered")
  const next = await invite(anaBack, { role: 'contributor' })
  t.same((await keptInviteSeeds(anaBack.storage)).map(k => b4a.toString(k, 'hex')), [next.id], 'making another invite forgets the used one')
})

/** A node of the ledger that is not a writer: opened by key with the encryption key (and a hint). */
async function reader (t: Test, network: NetworkOptions, of: DiscoNode, name: string, fastForwardTo: Uint8Array): Promise<DiscoNode> {
  const storage = folder(t, name)
  await prepareStorage(storage)
  // its store first, as disco join makes it: a ledger's folder without one is refused as damaged
  await deviceKey(storage)
  await writeConfig(storage, { format: 1, ledger: b4a.toString(of.key, 'hex') })
  const node = await DiscoNode.open({ storage, network, encryptionKey: of.encryptionKeyForPairing(), fastForwardTo, ackInterval: 100 })
  t.teardown(() => node.close())
  return node
}

t.test('a hint that is not the invite\'s, of the wrong length, or that leads nowhere is ignored', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network)
  await writeOverTime(ana)

  // a damaged seed on the inviting node: its signature would not verify, so it sends no hint
  const { id, code } = await invite(ana, { role: 'contributor' })
  await saveInviteSeed(ana.storage, b4a.from(id, 'hex'), crypto.randomBytes(32))
  const { node: bo, paired } = await joinNoting(t, { storage: folder(t, 'bo'), code, network, me: 'Bo' })
  t.notMatch(paired, /fast-forward/, 'the answer carried no system key')
  t.not(bo.fastForwards[0]?.from, 0, 'the joiner did not fast-forward before applying')
  await converged([ana, bo])

  // the joiner's side: only a 32-byte key is taken
  const key = ana.base.core.key
  t.equal(systemKeyOfHint(key), key)
  for (const bad of [null, undefined, b4a.alloc(0), key.subarray(0, 31), b4a.concat([key, b4a.from([0])])]) {
    t.equal(systemKeyOfHint(bad), null, `a hint of ${bad?.byteLength ?? 'no'} bytes is ignored`)
  }
  // and a node opened with a short key, or with a key no peer has, catches up by applying
  const short = await reader(t, network, ana, 'short', key.subarray(0, 31))
  const nowhere = await reader(t, network, ana, 'nowhere', crypto.randomBytes(32))
  await converged([ana, bo, short, nowhere], 60_000)
  t.pass('both caught up')
})
