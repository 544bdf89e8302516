// hypercore raises no `conflict` for a core with a prologue.
//
// Two copies of one signed core that share their first blocks and then diverge (the key's owner
// signed two histories). A reader that holds one and is then served the other should raise
// `conflict` and freeze the core, as it does for a core without a prologue. With a prologue in
// the manifest it raises none: the other history's continuation only fails to verify.
//
// Run: node hypercore-prologue-conflict.mjs   (needs hypercore, corestore, hypercore-crypto, b4a)
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import Corestore from 'corestore'
import crypto from 'hypercore-crypto'
import b4a from 'b4a'

const require = createRequire(import.meta.url)
const versions = ['hypercore', 'corestore'].map(p => `${p} ${require(`${p}/package.json`).version}`).join(', ')

async function scenario (withPrologue) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prologue-conflict-'))
  const keyPair = crypto.keyPair(b4a.alloc(32, 7))
  const shared = ['block 0', 'block 1', 'block 2'].map(s => b4a.from(s))

  let prologue = null
  if (withPrologue) {
    // the prologue: the tree of the first block, as autobase gives its system core
    const scratch = new Corestore(path.join(dir, 'scratch'))
    const c = scratch.get({ name: 'scratch' })
    await c.append(shared.slice(0, 1))
    prologue = { length: 1, hash: await c.treeHash(1) }
    await scratch.close()
  }
  const manifest = { version: 1, quorum: 1, signers: [{ signature: 'ed25519', publicKey: keyPair.publicKey }], prologue }

  // the honest history, and a second one signed with the same key: they share blocks 0-2
  const honestStore = new Corestore(path.join(dir, 'honest'))
  const honest = honestStore.get({ manifest, keyPair })
  await honest.append([...shared, b4a.from('honest 3')])
  const forgedStore = new Corestore(path.join(dir, 'forged'))
  const forged = forgedStore.get({ manifest, keyPair })
  await forged.append([...shared, b4a.from('forged 3'), b4a.from('forged 4')])

  // a reader takes the honest history whole
  const readerStore = new Corestore(path.join(dir, 'reader'))
  const reader = readerStore.get({ key: honest.key })
  await reader.ready()
  const events = { conflict: 0, verificationErrors: [] }
  reader.on('conflict', () => { events.conflict++ })
  reader.on('verification-error', err => { events.verificationErrors.push(err.code ?? err.message) })
  const s1 = honestStore.replicate(true)
  const r1 = readerStore.replicate(false)
  s1.pipe(r1).pipe(s1)
  if (process.env.DEBUG) console.error('replicating the honest history')
  await reader.update({ wait: true })
  await reader.download({ start: 0, end: reader.length }).done()
  if (process.env.DEBUG) console.error('held', reader.length)
  const held = reader.length
  s1.destroy(); r1.destroy()

  // then meets a peer serving the other, longer history
  const s2 = forgedStore.replicate(true)
  const r2 = readerStore.replicate(false)
  s2.pipe(r2).pipe(s2)
  s2.on('error', () => {}); r2.on('error', () => {})
  reader.update({ wait: true }).catch(() => {}) // not awaited: with a prologue it never settles
  // wait for a conflict, for up to 5 s
  const deadline = Date.now() + 5000
  while (events.conflict === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50))

  const out = { prologue: withPrologue, keysMatch: b4a.equals(honest.key, forged.key), readerHeld: held, forgedLength: forged.length, readerLength: reader.length, conflict: events.conflict, verificationErrors: events.verificationErrors }
  s2.destroy(); r2.destroy()
  await Promise.all([honestStore.close(), forgedStore.close(), readerStore.close()].map(p => p.catch(() => {})))
  await fs.rm(dir, { recursive: true, force: true })
  return out
}

console.log(versions, `node ${process.version}`)
for (const withPrologue of [false, true]) console.log(JSON.stringify(await scenario(withPrologue)))
