import t from 'tap'
import Corestore from 'corestore'
import { converged, digestOf, folder, founder, joiner, testnet } from './helpers/cluster.js'
import { adoptMirror, findCanaries, heldByMirrors, mirrorOn, reopen, until } from './helpers/mirrors.js'
import { contribution } from './helpers/ops.js'
import { DiscoNode } from '../src/node/node.js'
import { verify } from '../src/commands/verify.js'
import { entries } from '../src/commands/entries.js'
import { invite } from '../src/commands/invite.js'
import { deviceKey, joinCooperative } from '../src/invites/join.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'

/**
 * Mirrors (the real blind-peer, src/mirror) on a loopback testnet: members whose nodes are never
 * online together share their work through a mirror alone, a new member's first sync comes from
 * it, and what it stores is ciphertext. Every wait is on a condition with a deadline.
 */

const CANARIES: [string, string, string] = ['CanaryDescZebraQuokka41', 'CanaryProjAxolotlNarwhal', 'CanaryBoNameOkapiTapir']

async function hasEntry (node: DiscoNode, description: string): Promise<boolean> {
  return (await entries(node, { limit: 1000 })).entries.some(e => e.description === description)
}

t.test('nobody online at once: Ana and Bo share their work through the mirror alone; it holds no plaintext', async t => {
  const network = await testnet(t)
  const mirror = await mirrorOn(t, network)
  const ana = await founder(t, network, 'Ana')
  const bo = await joiner(t, network, ana, CANARIES[2], 'contributor', folder(t, 'Bo'))
  await adoptMirror([ana], mirror.key)
  await converged([ana, bo])
  t.same((await ana.mirrors()).map(m => m.key), [mirror.key], 'the ledger names the mirror: every node knows it without configuration')
  await heldByMirrors(bo)
  await bo.close()

  // Ana logs, the mirror takes it, Ana goes offline
  await ana.append([contribution({ description: CANARIES[0], project: CANARIES[1], minutes: 61 })])
  await heldByMirrors(ana)
  await ana.close()

  // Bo alone with the mirror: he gets Ana's entry, logs his own, hands it over, goes offline
  const bo2 = await reopen(t, network, 'Bo')
  await until('Bo to receive Ana\'s entry from the mirror', [bo2], async () => await hasEntry(bo2, CANARIES[0]))
  t.equal(bo2.peers, 0, 'no member\'s node was online with Bo')
  await bo2.append([contribution({ description: 'Bo: fixed the bike', minutes: 45 })])
  await heldByMirrors(bo2)
  await bo2.close()

  // Ana returns alone: she gets Bo's entry, signs it (she indexes), hands the signature over
  const ana2 = await reopen(t, network, 'Ana')
  await until('Ana to receive Bo\'s entry and sign it', [ana2], async () =>
    await hasEntry(ana2, 'Bo: fixed the bike') && ana2.view.core.signedLength === ana2.view.core.length)
  t.equal(ana2.peers, 0, 'no member\'s node was online with Ana')
  await heldByMirrors(ana2)
  const digest = await digestOf(ana2)
  t.ok((await verify(ana2)).ok, 'disco verify passes on Ana\'s node')
  await ana2.close()

  const bo3 = await reopen(t, network, 'Bo')
  await until('Bo to reach Ana\'s signed ledger', [bo3], async () =>
    await digestOf(bo3) === digest && bo3.view.core.signedLength === bo3.view.core.length)
  t.equal(await digestOf(bo3), digest, 'both nodes end at the same digest')
  t.ok((await verify(bo3)).ok, 'disco verify passes on Bo\'s node')
  const seen = await bo3.mirrors()
  t.match(seen, [{ key: mirror.key, reached: true }], 'status shows the mirror reached')
  await bo3.close()

  const status = mirror.status()
  t.ok(status.cores >= 4 && status.bytes > 0, `the mirror holds the ledger's cores (${status.cores} cores, ${status.bytes} bytes)`)
  await mirror.close()
  t.same(await findCanaries(folder(t, 'mirror'), CANARIES), [], 'no entry text, project or name in the mirror\'s folder, in any encoding')
})

t.test('the canary search finds plaintext written through the same storage (its control)', async t => {
  const store = new Corestore(folder(t, 'plain'))
  const core = store.get({ name: 'plain' })
  await core.ready()
  await core.append(Buffer.from(JSON.stringify({ description: CANARIES[0], project: CANARIES[1] })))
  await store.close()
  t.same((await findCanaries(folder(t, 'plain'), CANARIES)).length > 0, true, 'an unencrypted core\'s blocks are found')
})

t.test('a new member\'s first sync comes from the mirror', async t => {
  const network = await testnet(t)
  const mirror = await mirrorOn(t, network)
  const ana = await founder(t, network, 'Ana')
  await adoptMirror([ana], mirror.key)
  await ana.append(Array.from({ length: 200 }, (_, i) => contribution({ description: `before Cy ${i}`, minutes: 1 + i })))
  // Cy's device is admitted by a proposal first, so that answering the invite writes nothing:
  // everything Cy needs is on the mirror before Ana answers
  const cyKey = await deviceKey(folder(t, 'Cy'))
  const { proposal } = await propose(ana, { kind: 'admit', device: cyKey, role: 'member', name: 'Cy' })
  await vote(ana, { id: proposal.id, choice: 'yes' })
  const { code } = await invite(ana, { role: 'contributor' })
  await heldByMirrors(ana)
  const want = await digestOf(ana)

  // Ana answers Cy's invite (the encryption key comes from a member, never a mirror), then leaves
  // before Cy's node opens the ledger; Ana's node counts any connection made after that
  let anaOffline: Promise<void> | null = null
  let peersAfter = 0
  ana.on('peers', (n: number) => { if (anaOffline !== null) peersAfter = Math.max(peersAfter, n) })
  const cy = await joinCooperative({
    storage: folder(t, 'Cy'),
    code,
    network,
    me: 'Cy',
    timeoutMs: 30_000,
    onProgress: stage => { if (stage === 'paired') anaOffline = ana.goOffline() }
  })
  t.teardown(() => cy.close())
  await anaOffline
  t.equal(peersAfter, 0, 'Cy\'s node never met Ana\'s')
  t.ok(cy.base.writable, 'Cy is a writer: the admission came from the mirror')
  await until('Cy to hold the whole ledger', [cy], async () => (await entries(cy, { limit: 1000 })).entries.length === 200)
  t.equal((await cy.mirrors())[0]?.reached, true, 'Cy reached the mirror')
  t.not(await digestOf(cy), null)
  t.ok(want !== null, 'Ana had a digest')
})
