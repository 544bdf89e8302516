/**
 * The stack's contract: every internal of hypercore, autobase, hyperbee and corestore that the fence
 * (src/stack) relies on, checked to still behave as the fence assumes, on the versions it was
 * written against (src/stack/versions.ts). Upgrading the stack: change the versions, run
 * `npm run test:stack`, fix src/stack until it passes (docs/stack.md). Each subtest names the fence
 * file and the internal.
 */
import t from 'tap'
import type { Test } from 'tap'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { Node } from 'hyperbee/lib/messages.js'
import Hypercore from 'hypercore'
import type { HypercoreManifest } from 'hypercore'
import { STACK_VERSIONS } from '../src/stack/versions.js'
import type { StackPackage } from '../src/stack/versions.js'
import { decodeManifest, encodeManifest, manifestKey, signTreeState, signsTreeState, singleSignerManifest, treeFromUpgradeProof } from '../src/stack/signatures.js'
import { currentSignature, storedTreeHash, upgradeProofAt } from '../src/stack/core-proofs.js'
import { auditStoredCore, openWriterCore } from '../src/stack/writer-cores.js'
import type { WriterMessage } from '../src/stack/writer-cores.js'
import { beeCacheEntries, dropBeeCaches, dropBeeCachesFrom, pendingBlocks, shareBeeCaches, warmBeeCaches } from '../src/stack/bee-caches.js'
import { flushStorageLog } from '../src/stack/storage.js'
import { filterWakeupHints, viewCoreKeys } from '../src/stack/wakeup-hints.js'
import { announceOwnLog } from '../src/stack/own-log-wakeup.js'

const require = createRequire(import.meta.url)

/** The installed version of a package, found as the project's code finds it. */
function installed (name: StackPackage): string {
  // hypercore-storage is corestore's dependency, not the project's
  const from = name === 'hypercore-storage' ? createRequire(require.resolve('corestore')) : require
  const main = from.resolve(name)
  let dir = path.dirname(main)
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

const blocks = (n: number, tag = 'b'): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`${tag}${i}`))

async function signedCore (t: Test, n: number): Promise<{ core: Hypercore, keyPair: { publicKey: Buffer, secretKey: Buffer } }> {
  const store = new Corestore(t.testdir())
  const keyPair = crypto.keyPair(b4a.alloc(32, 7))
  const core = store.get({ keyPair })
  await core.ready()
  await core.append(blocks(n))
  t.teardown(async () => { await core.close(); await store.close() })
  return { core, keyPair }
}

t.test('the stack is the one the fence was written against (src/stack/versions.ts)', async t => {
  for (const [name, version] of Object.entries(STACK_VERSIONS) as Array<[StackPackage, string]>) {
    t.equal(installed(name), version, `${name} ${version}: upgrading it means checking src/stack against this suite (docs/stack.md)`)
  }
})

t.test('signatures.ts, hypercore 11.37.1: lib/verifier.js and lib/caps.js check a core\'s own signed head', async t => {
  const { core, keyPair } = await signedCore(t, 5)
  const raw = core.getManifest({ raw: true })
  const manifest = raw === null ? null : decodeManifest(raw)
  if (manifest === null || raw === null) throw new Error('a signed core has a manifest')
  t.same(encodeManifest(manifest), raw, 'hypercore/messages decodes and re-encodes a manifest to the same bytes')
  t.same(manifestKey(manifest), core.key, "Verifier.manifestHash is the core's key")
  t.same(singleSignerManifest(keyPair.publicKey), core.manifest, "a key pair's core has hypercore's default single-signer manifest")

  const signature = currentSignature(core)
  if (signature === null) throw new Error('core.state.signature: a signed head')
  const state = { length: core.length, fork: core.fork, treeHash: await core.treeHash(core.length), signature }
  t.ok(signsTreeState(core.key, manifest, state), 'the signature core.state holds signs the tree at its length (lib/caps.js treeSignable)')
  t.same(signTreeState(manifest, keyPair, state), signature, 'and signTreeState makes the very signature hypercore made (the fixtures sign as hypercore does)')
  t.notOk(signsTreeState(core.key, manifest, { ...state, treeHash: b4a.alloc(32, 1) }), 'another tree hash')
  t.notOk(signsTreeState(core.key, manifest, { ...state, length: state.length + 1 }), 'another length')
  t.notOk(signsTreeState(core.key, manifest, { ...state, fork: 1 }), 'another fork id')
  t.notOk(signsTreeState(core.key, manifest, { ...state, signature: b4a.alloc(3) }), 'malformed signature: false, not a throw')
  t.equal(decodeManifest(b4a.from([9, 9, 9])), null, 'bytes that are no manifest: null')
})

t.test('signatures.ts: why not the public Hypercore.key(manifest) (it normalises the manifest)', async t => {
  const { core } = await signedCore(t, 1)
  const manifest = core.manifest as HypercoreManifest
  // the same signers, encoded with a `linked` list that is empty: bytes other than the federate's
  const odd = decodeManifest(encodeManifest({ ...manifest, linked: [] } as unknown as HypercoreManifest))
  if (odd === null) throw new Error('decodes')
  t.same(Hypercore.key(odd), core.key, 'Hypercore.key takes the odd bytes for the federate')
  t.notSame(manifestKey(odd), core.key, 'manifestKey (Verifier.manifestHash) does not: apply refuses them, as it always has')
})

t.test('signatures.ts: MerkleTree.verifyFullyRemote checks an upgrade proof with no local tree', async t => {
  const { core } = await signedCore(t, 7)
  const manifest = core.manifest as HypercoreManifest
  const proof = await core.proof({ upgrade: { start: 0, length: 7 } }) as unknown as { fork: number, upgrade: { length: number, nodes: Array<{ index: number, size: number, hash: Uint8Array }>, additionalNodes: Array<{ index: number, size: number, hash: Uint8Array }>, signature: Uint8Array } }
  const tree = treeFromUpgradeProof(manifest, proof.fork, proof.upgrade)
  t.equal(tree?.length, 7, 'the proof leads to the signed length')
  t.same(tree?.treeHash, await core.treeHash(7), 'and its tree hash')
  t.ok(signsTreeState(core.key, manifest, { length: 7, fork: proof.fork, treeHash: tree?.treeHash ?? b4a.alloc(32), signature: proof.upgrade.signature }), 'which the proof\'s signature signs')
  const bent = { ...proof.upgrade, nodes: proof.upgrade.nodes.map(n => ({ ...n, hash: b4a.alloc(32, 9) })) }
  const wrong = treeFromUpgradeProof(manifest, proof.fork, bent)
  t.ok(wrong === null || !b4a.equals(wrong.treeHash, tree?.treeHash ?? b4a.alloc(32)), 'other nodes lead elsewhere, or nowhere')
})

t.test('core-proofs.ts, hypercore 11.37.1: core.state and MerkleTree.proof give the roots at an older length, prologue or not', async t => {
  const dir = t.testdir()
  // a core with a prologue, as an autobase system core has: its first 2 blocks are fixed
  const scratch = new Corestore(path.join(dir, 'scratch'))
  const first = scratch.get({ name: 'first' })
  await first.ready()
  await first.append(blocks(2))
  const prologue = { length: 2, hash: await first.treeHash(2) }
  await scratch.close()

  const store = new Corestore(path.join(dir, 'store'))
  t.teardown(async () => { await store.close() })
  const keyPair = crypto.keyPair(b4a.alloc(32, 8))
  const core = store.get({ manifest: { version: 1, signers: [{ publicKey: keyPair.publicKey }], prologue } as unknown as HypercoreManifest, keyPair })
  await core.ready()
  await core.append(blocks(2)) // a core with a prologue takes no batch shorter
  await core.append(blocks(6, 'more'))
  const manifest = core.manifest as HypercoreManifest
  t.same(manifest.prologue?.length, 2, 'the core has a prologue')

  const publicProof = await core.proof({ upgrade: { start: 0, length: 5 } }) as unknown as { upgrade: { length: number } }
  t.equal(publicProof.upgrade.length, 2, 'the public proof() proves from the prologue, whatever length is asked: why the fence makes its own')

  const proof = await upgradeProofAt(core, 5)
  if (proof === null) throw new Error('a proof from storage')
  t.same(crypto.tree(proof.nodes), await core.treeHash(5), "its nodes are the tree's roots at the older length")
  const signature = currentSignature(core)
  if (signature === null) throw new Error('a signed head')
  const tree = treeFromUpgradeProof(manifest, core.fork, { length: 5, nodes: proof.nodes, additionalNodes: proof.additionalNodes, signature })
  t.equal(tree?.length, 8, 'and with the extension they lead to the signed head')
  t.same(tree?.treeHash, await core.treeHash(8))
  t.equal(core.manifest?.prologue?.length, 2, "the core's own prologue is untouched")
})

t.test('writer-cores.ts, autobase 7.28.1: lib/messages.js decodes a writer\'s blocks; hypercore\'s core.core.audit checks them', async t => {
  const store = new Corestore(t.testdir())
  const base = new Autobase(store, null, {
    valueEncoding: 'binary',
    encrypt: true,
    open: s => s.get('view'),
    apply: async () => {}
  })
  t.teardown(async () => { await base.close(); await store.close() })
  await base.ready()
  await base.append(Buffer.from('first'))
  await base.append(Buffer.from('second'))
  const core = openWriterCore(base, base.local.key, { active: false })
  t.teardown(async () => { await core.close() })
  await core.ready()
  t.equal(core.length, base.local.length, "the writer's core")
  const values: string[] = []
  let heads = 0
  for (let i = 0; i < core.length; i++) {
    const m = await core.get<WriterMessage>(i)
    if (m?.node.value != null) values.push(b4a.toString(m.node.value))
    heads += m?.node.heads.length ?? 0
  }
  t.same(values, ['first', 'second'], 'decrypted and decoded: the values appended')
  t.ok(heads >= 1, 'with their causal heads (a later block points at an earlier one)')

  const audit = await auditStoredCore(core)
  t.match(audit, { blocks: core.length, droppedBlocks: 0, droppedTreeNodes: 0, corrupt: false }, 'an intact core audits clean')
})

t.test('writer-cores.ts: the audit finds a stored block that does not hash to its tree', async t => {
  const { core } = await signedCore(t, 4)
  // write other bytes at block 1, under the tree (hypercore-storage's write batch, as corrupted storage would have them)
  const storage = (core as unknown as { state: { storage: { write (): { putBlock (i: number, b: Buffer): void, flush (): Promise<void> } } } }).state.storage
  const tx = storage.write()
  tx.putBlock(1, Buffer.from('not what was signed'))
  await tx.flush()
  const audit = await auditStoredCore(core)
  t.equal(audit?.droppedBlocks, 1, 'one block dropped (dry run: counted, not deleted)')
})

t.test('bee-caches.ts, hyperbee 2.27.3: _nodeCache and _keyCache hold what reads decoded, by block number', async t => {
  const store = new Corestore(t.testdir())
  const bee = new Hyperbee(store.get({ name: 'view' }), { keyEncoding: 'utf-8', valueEncoding: 'binary' })
  t.teardown(async () => { await bee.close(); await store.close() })
  for (let i = 0; i < 50; i++) await bee.put(`k/${String(i).padStart(3, '0')}`, Buffer.from(`v${i}`))
  await bee.ready()
  dropBeeCaches(bee)
  t.equal(beeCacheEntries(bee), 0, 'dropped: empty')
  const readAll = async (b: Hyperbee): Promise<number> => { let n = 0; for await (const _ of b.createReadStream()) n++; return n }
  t.equal(await readAll(bee), 50)
  const filled = beeCacheEntries(bee) ?? 0
  t.ok(filled > 0, `reading fills them (${filled} entries)`)

  const cached = (seq: number): boolean => (bee as unknown as { _nodeCache: { get (s: number): unknown } })._nodeCache.get(seq) !== null
  const length = bee.core.length
  t.ok(cached(length - 1), 'the last block is cached')
  dropBeeCachesFrom(bee, length - 1)
  t.notOk(cached(length - 1), 'dropped from a block number on: gone')
  t.ok((beeCacheEntries(bee) ?? 0) > 0, 'what lies below stays')

  const snap = bee.snapshot()
  t.teardown(async () => { await snap.close() })
  t.equal(beeCacheEntries(snap), null, 'a new snapshot has no caches before it is ready')
  await snap.ready()
  t.ok(shareBeeCaches(bee, snap), 'handed over once both are ready')
  const before = beeCacheEntries(bee)
  t.equal(await readAll(snap), 50, 'the snapshot reads through them')
  t.equal(beeCacheEntries(snap), beeCacheEntries(bee), 'one cache for both')
  t.ok((beeCacheEntries(bee) ?? 0) >= (before ?? 0), "the snapshot's reads land in the shared cache")
})

t.test('bee-caches.ts, hyperbee 2.27.3: a batch\'s toBlocks() is what flush appends, and a warmed entry is what a read of it decodes', async t => {
  const store = new Corestore(t.testdir())
  const core = store.get({ name: 'view', encryptionKey: b4a.alloc(32, 7) } as { name: string })
  await core.ready()
  t.ok((core as unknown as { encryption: unknown }).encryption !== null, 'an encrypted core, as the view is')
  const bee = new Hyperbee(core, { keyEncoding: 'utf-8', valueEncoding: 'binary' })
  t.teardown(async () => { await bee.close(); await store.close() })
  for (let i = 0; i < 20; i++) await bee.put(`k/${String(i).padStart(3, '0')}`, Buffer.from(`v${i}`))
  const batch = bee.batch({ update: false })
  for (let i = 20; i < 40; i++) await batch.put(`k/${String(i).padStart(3, '0')}`, Buffer.from(`v${i}`))
  const before = bee.core.length
  const written = pendingBlocks(batch, 8)
  t.ok(written !== null, 'a batch with puts has pending blocks')
  if (written === null) return
  t.equal(written.blocks.length, 8, 'the last 8 of them')
  t.equal(written.first, before + 20 - 8, 'numbered where flush will append them')
  await batch.flush()
  t.equal(bee.core.length, before + 20, 'flush appended them')
  for (const [i, bytes] of written.blocks.entries()) {
    t.same(await bee.core.get(written.first + i), bytes, `block ${written.first + i}: the same bytes (the core is encrypted)`)
  }

  // a read through the warmed cache takes nothing from the core: the put of k/039 wrote its leaf
  // and the path above it into the last block
  const reads = { n: 0 }
  const get = bee.core.get.bind(bee.core)
  ;(bee.core as unknown as { get: typeof get }).get = async (...args: Parameters<typeof get>) => { reads.n++; return await get(...args) }
  const readThrough = async (): Promise<string> => {
    const b = bee.batch({ update: false })
    try { return b4a.toString((await b.get('k/039'))?.value ?? b4a.alloc(0)) } finally { await b.close() }
  }
  dropBeeCaches(bee)
  t.equal(await readThrough(), 'v39', 'read from storage')
  t.ok(reads.n > 0, `cold, the read takes blocks from the core (${reads.n})`)
  dropBeeCaches(bee)
  warmBeeCaches(bee, written)
  reads.n = 0
  t.equal(await readThrough(), 'v39', 'read through the warmed cache: the same value')
  t.equal(reads.n, 0, 'warmed, it takes none')
  for (const [i, bytes] of written.blocks.entries()) {
    const stored = Node.decode(await bee.core.get(written.first + i) as Buffer)
    const warm = (bee as unknown as { _nodeCache: { get (s: number): { key: Uint8Array, value: Uint8Array | null } | null } })._nodeCache.get(written.first + i)
    t.ok(warm !== null && b4a.equals(warm.key, stored.key) && b4a.equals(warm.value ?? b4a.alloc(0), stored.value ?? b4a.alloc(0)), `block ${written.first + i}: warmed with the key and value stored there (${bytes.byteLength} bytes)`)
  }
  t.equal(pendingBlocks(bee.batch({ update: false }), 8), null, 'an empty batch has none')
})

t.test('core-proofs.ts, hypercore 11.37.1: MerkleTree.getRootsFromStorage hashes to core.treeHash, and rejects for a length the tree does not reach', async t => {
  const store = new Corestore(t.testdir())
  const core = store.get({ name: 'c' })
  t.teardown(async () => { await store.close() })
  await core.ready()
  for (let i = 0; i < 13; i++) await core.append(Buffer.from(`block ${i}`))
  for (const length of [0, 1, 5, 8, 13]) {
    t.same(await storedTreeHash(core, length), await core.treeHash(length), `length ${length}`)
  }
  await t.rejects(storedTreeHash(core, 40), 'a root not stored rejects')
})

t.test("storage.ts, corestore 7.12.5 on hypercore-storage 3.3.1: store.storage.db.flush() empties RocksDB's write-ahead log into a table file", async t => {
  const dir = t.testdir()
  const store = new Corestore(dir)
  t.teardown(async () => { if (!store.closed) await store.close() })
  const core = store.get({ name: 'x' })
  await core.ready()
  for (let i = 0; i < 10; i++) await core.append(Array.from({ length: 100 }, (_, j) => Buffer.alloc(1000, j)))
  const files = (ext: string): number[] => fs.readdirSync(path.join(dir, 'db')).filter(f => f.endsWith(ext)).map(f => fs.statSync(path.join(dir, 'db', f)).size)
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
  t.ok(sum(files('.log')) > 1_000_000, 'the blocks sit in the log')
  t.equal(files('.sst').length, 0, 'no table file yet')
  await flushStorageLog(store)
  t.ok(sum(files('.log')) < 1000, 'flushed: the log is empty')
  t.ok(sum(files('.sst')) > 1_000_000, 'and the blocks are in a table file')
  await store.close()
  await t.rejects(flushStorageLog(store), 'a closed store rejects (the node catches it)')
})

t.test('wakeup-hints.ts, autobase 7.28.1: a wakeup announce reaches base.hintWakeup; base.views() names the system core and the view', async t => {
  const dir = t.testdir()
  const store = new Corestore(path.join(dir, 'base'))
  const base = new Autobase(store, null, { valueEncoding: 'binary', open: s => s.get('view'), apply: async () => {} })
  t.teardown(async () => { await base.close(); await store.close() })
  await base.ready()
  const views = viewCoreKeys(base).map(k => b4a.toString(k, 'hex'))
  t.ok(views.includes(b4a.toString(base.core.key, 'hex')), 'views() lists the system core')
  t.ok(views.includes(b4a.toString((base.view as Hypercore).key, 'hex')), 'and the view')

  const seen: Array<{ key: string, length: number }> = []
  const undo = filterWakeupHints(base, hints => { for (const h of hints) seen.push({ key: b4a.toString(h.key, 'hex'), length: h.length }) })
  t.teardown(undo)
  // a peer's wakeup protocol (what a blind peer speaks) on a replication stream with the base
  const Wakeup = require('protomux-wakeup') as new () => {
    addStream (stream: unknown): void
    session (capability: Uint8Array, handlers: object): { peers: unknown[], announce (peer: unknown, wakeup: Array<{ key: Uint8Array, length: number }>): void }
  }
  const other = new Corestore(path.join(dir, 'peer'))
  t.teardown(async () => { await other.close() })
  const a = base.replicate(true) as unknown as NodeJS.ReadWriteStream
  const b = other.replicate(false) as unknown as NodeJS.ReadWriteStream
  a.pipe(b).pipe(a)
  const wakeup = new Wakeup()
  wakeup.addStream(b)
  const capability = (base as unknown as { wakeupCapability: { key: Uint8Array } }).wakeupCapability.key
  const session = wakeup.session(capability, {})
  const announced = { key: crypto.randomBytes(32), length: 7 }
  const deadline = Date.now() + 10_000
  while (session.peers.length === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20))
  session.announce(session.peers[0], [announced])
  while (seen.length === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20))
  t.same(seen, [{ key: b4a.toString(announced.key, 'hex'), length: 7 }], 'the announce came to base.hintWakeup, through the filter')
})

t.test('own-log-wakeup.ts, autobase 7.28.1: a non-indexer writer\'s own log is in base._getWakeup and its announce reaches a peer\'s base.hintWakeup', async t => {
  const dir = t.testdir()
  // apply: a 32-byte block admits that key as a (non-indexer) writer
  const handlers = {
    valueEncoding: 'binary' as const,
    open: (s: { get: (name: string) => unknown }) => s.get('view'),
    apply: async (nodes: Array<{ value: Uint8Array }>, _view: unknown, host: { addWriter: (key: Uint8Array, opts: { indexer: boolean }) => Promise<void> }) => {
      for (const n of nodes) if (n.value.byteLength === 32) await host.addWriter(n.value, { indexer: false })
    }
  }
  const storeA = new Corestore(path.join(dir, 'a'))
  const a = new Autobase(storeA, null, handlers as never)
  await a.ready()
  const storeB = new Corestore(path.join(dir, 'b'))
  const b = new Autobase(storeB, a.key, handlers as never)
  await b.ready()
  t.teardown(async () => { await b.close(); await storeB.close(); await a.close(); await storeA.close() })
  const sa = a.replicate(true) as unknown as NodeJS.ReadWriteStream
  const sb = b.replicate(false) as unknown as NodeJS.ReadWriteStream
  sa.pipe(sb).pipe(sa)
  await a.append(b4a.from(b.local.key))
  const deadline = Date.now() + 20_000
  while (!b.writable && Date.now() < deadline) { await b.update(); await new Promise(resolve => setTimeout(resolve, 20)) }
  t.ok(b.writable, 'b was admitted')

  const own = announceOwnLog(b)
  t.teardown(own.undo)
  await b.append(b4a.from('one block'))
  const getWakeup = (b as unknown as { _getWakeup: () => Array<{ key: Uint8Array, length: number }> })._getWakeup()
  t.ok(getWakeup.some(h => b4a.equals(h.key, b.local.key) && h.length === b.local.length), 'b._getWakeup() names its own log at its length')

  const seen: Array<{ key: string, length: number }> = []
  const undo = filterWakeupHints(a, hints => { for (const h of hints) seen.push({ key: b4a.toString(h.key, 'hex'), length: h.length }) })
  t.teardown(undo)
  own.announce()
  const mine = { key: b4a.toString(b.local.key, 'hex'), length: b.local.length }
  while (!seen.some(h => h.key === mine.key && h.length === mine.length) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20))
  t.ok(seen.some(h => h.key === mine.key && h.length === mine.length), 'the announce came to the peer\'s base.hintWakeup')
})
