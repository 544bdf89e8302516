import t from 'tap'
import b4a from 'b4a'
import { DiscoNode } from '../src/node.js'
import { joinCooperative } from '../src/join.js'
import { invite } from '../src/commands/invite.js'
import { members } from '../src/commands/members.js'
import { balance } from '../src/commands/balance.js'
import { rejections } from '../src/commands/rejections.js'
import { decodeInviteCode } from '../src/net/invites.js'
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
