// A non-indexer writer's block goes no further than its author's direct peers when the bases in
// between hold its log open outside autobase (as a node keeping a full copy of every writer's log
// does), unless an indexer that holds the block acknowledges it: docs/upstream.md, 5, two hops
// off. Four bases in a line, over replication streams:
// A (the bootstrap, the only indexer) — B — C — D. A adds B, C and D as (non-indexer) writers,
// then appends 20 more blocks, so that B, C and D, opened with A's system key to fast-forward to
// (as a pairing hands it over), fast-forward past the adds. D appends one block and announces its
// own log to its peers (the workaround of docs/upstream.md, 5), so C fetches and applies it. We
// wait up to 20 s for A to apply it.
//
//   node docs/upstream/autobase-no-relay.mjs --hold   # B, C, D keep a session on every writer's log:
//                                                     # C applies D's block; B never hears of it, nor A
//   node docs/upstream/autobase-no-relay.mjs --relay  # the same, and each hints its autobase when a
//                                                     # held log grows: A gets it
//   node docs/upstream/autobase-no-relay.mjs          # no sessions held: it gets through when a new
//                                                     # replication channel makes autobase announce
import Autobase from 'autobase'
import Corestore from 'corestore'
import b4a from 'b4a'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const version = name => require(`${name}/package.json`).version
const relay = process.argv.includes('--relay')
const hold = relay || process.argv.includes('--hold')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autobase-no-relay-'))

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
  return { store, base, held: [] }
}

function link (x, y) {
  const s1 = x.base.replicate(true)
  const s2 = y.base.replicate(false)
  s1.on('error', () => {})
  s2.on('error', () => {})
  s1.pipe(s2).pipe(s1)
}

// --hold: a session on every writer's log (what the DisCO node's full copy keeps); --relay, also a
// wakeup hint (internals: base.hintWakeup) whenever hypercore learns that one grew (its fix)
async function holdWriters (x, keys) {
  for (const key of keys) {
    if (b4a.equals(key, x.base.local.key)) continue
    const core = x.store.get({ key, compat: false })
    x.held.push(core)
    if (relay) core.on('append', () => { x.base.hintWakeup([{ key: core.key, length: core.length }]) })
    await core.ready()
  }
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
// the members' keys first (a pairing hands the joiner's key over before it opens)
const keyOf = async name => { const store = new Corestore(path.join(dir, name)); const k = await Autobase.getLocalKey(store); await store.close(); return k }
const keys = []
for (const name of ['b', 'c', 'd']) {
  keys.push(await keyOf(name))
  await a.base.append(b4a.from(keys[keys.length - 1]))
}
for (let i = 0; i < 20; i++) await a.base.append(b4a.from(`a${i}`))

const line = [a]
let jumps = 0
for (const name of ['b', 'c', 'd']) {
  const x = open(name, a.base.key, a.base.core.key)
  x.base.on('fast-forward', () => { jumps++ })
  await x.base.ready()
  link(line[line.length - 1], x)
  line.push(x)
  await until(() => x.base.writable, 20_000)
  if (hold) await holdWriters(x, keys)
  // B and C name themselves, and their names reach A
  if (name === 'd') break
  await x.base.append(b4a.from(`from ${name}`))
  await until(async () => await holds(a.base, b4a.from(`from ${name}`)), 20_000)
}
const [, b, c, d] = line
const value = b4a.from('from d')
await d.base.append(value)
// D announces its own log on autobase's wakeup session (internals), as docs/upstream.md, 5 does
const session = d.base.wakeupSession
for (const peer of session.peers) if (!peer.pending) session.announce(peer, [{ key: d.base.local.key, length: d.base.local.length }])
const reached = await until(async () => await holds(a.base, value), 20_000)
console.log(JSON.stringify({
  hold,
  relay,
  fastForwards: jumps,
  dAppliedItsOwn: await holds(d.base, value),
  cHolds: await holds(c.base, value),
  bHolds: await holds(b.base, value),
  reachedA: reached
}))
for (const x of line.reverse()) { for (const h of x.held) await h.close(); await x.base.close(); await x.store.close() }
fs.rmSync(dir, { recursive: true, force: true })
process.exit(reached ? 0 : 1)
