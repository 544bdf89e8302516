// A non-indexer writer whose only peer holds its log open outside autobase: its blocks never leave its node.
// Three bases in a line, over replication streams: A (the bootstrap, the only indexer) — B — C.
// A adds B and C as (non-indexer) writers, then appends 20 more blocks, so that B and C, opened
// with A's system key to fast-forward to (as a pairing hands it over), fast-forward past the adds.
// B opens C's log by its key and keeps that session (as a node keeping a full copy of every
// writer's log does). C then appends one block. We wait up to 20 s for A to apply it.
//
//   node docs/upstream/autobase-own-log-wakeup.mjs            # B holds a session on C's log: A never gets C's block
//   node docs/upstream/autobase-own-log-wakeup.mjs --announce # the same, C announcing its own log after appending
//   node docs/upstream/autobase-own-log-wakeup.mjs --no-hold  # B holds no session on C's log
import Autobase from 'autobase'
import Corestore from 'corestore'
import b4a from 'b4a'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const version = name => require(`${name}/package.json`).version
const announce = process.argv.includes('--announce')
const hold = !process.argv.includes('--no-hold')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autobase-own-log-'))

function open (name, key, fastForwardTo) {
  const store = new Corestore(path.join(dir, name))
  const base = new Autobase(store, key, {
    valueEncoding: 'binary',
    ackInterval: 50,
    ...(fastForwardTo ? { fastForward: { key: fastForwardTo } } : {}),
    open: s => s.get('view'),
    apply: async (nodes, view, host) => {
      // a 32-byte block adds that key as a non-indexer writer; any other block goes to the view
      for (const n of nodes) {
        if (n.value.byteLength === 32) await host.addWriter(n.value, { indexer: false })
        else await view.append(n.value)
      }
    }
  })
  return { store, base }
}

function link (x, y) {
  const s1 = x.base.replicate(true)
  const s2 = y.base.replicate(false)
  s1.on('error', () => {})
  s2.on('error', () => {})
  s1.pipe(s2).pipe(s1)
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
async function until (check, ms) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) return false
    await sleep(100)
  }
  return true
}

// (no base.update() here: after a fast-forward it can wait on the network for good)
async function holds (base, value) {
  for (let i = 0; i < base.view.length; i++) {
    const got = await base.view.get(i, { wait: false }).catch(() => null)
    if (got !== null && b4a.equals(got, value)) return true
  }
  return false
}

console.log(`autobase ${version('autobase')}, hypercore ${version('hypercore')}, corestore ${version('corestore')}, node ${process.version}`)
const a = open('a', null)
await a.base.ready()
// B's and C's keys first (a pairing hands the joiner's key over before it opens)
const keyOf = async name => { const store = new Corestore(path.join(dir, name)); const k = await Autobase.getLocalKey(store); await store.close(); return k }
const cKey = await keyOf('c')
await a.base.append(b4a.from(await keyOf('b')))
await a.base.append(b4a.from(cKey))
for (let i = 0; i < 20; i++) await a.base.append(b4a.from(`a${i}`))

const jumps = { b: 0, c: 0 }
const b = open('b', a.base.key, a.base.core.key)
b.base.on('fast-forward', () => { jumps.b++ })
await b.base.ready()
link(a, b)
await until(() => b.base.writable, 20_000)
await b.base.append(b4a.from('from b'))
// B keeps a copy of every writer's log, as a node that holds the whole ledger does: it opens C's
// log by its key (autobase itself never opened it here: B fast-forwarded past C's admission)
const held = hold ? b.store.get({ key: cKey, compat: false }) : null
await held?.ready()
const c = open('c', a.base.key, a.base.core.key)
c.base.on('fast-forward', () => { jumps.c++ })
await c.base.ready()
link(b, c)
await until(() => c.base.writable, 20_000)
const value = b4a.from('from c')
await c.base.append(value)
if (announce) {
  // the workaround: announce C's own log on autobase's wakeup session (internals)
  const session = c.base.wakeupSession
  for (const peer of session.peers) if (!peer.pending) session.announce(peer, [{ key: c.base.local.key, length: c.base.local.length }])
}
const reached = await until(async () => await holds(a.base, value), 20_000)
console.log(JSON.stringify({
  announce,
  bHoldsASessionOnCsLog: hold,
  cLogLengthAtB: held?.length ?? null,
  fastForwards: jumps,
  cWritable: c.base.writable,
  cAppliedItsOwn: await holds(c.base, value),
  reachedA: reached,
  bHolds: await holds(b.base, value)
}))
await held?.close()
for (const x of [c, b, a]) { await x.base.close(); await x.store.close() }
fs.rmSync(dir, { recursive: true, force: true })
process.exit(reached ? 0 : 1)
