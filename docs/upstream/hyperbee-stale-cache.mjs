// hyperbee serves stale tree nodes from its cache after the core under it was truncated and
// rewritten, when the bee's session never hears of the truncation.
//
// The layout is autobase's view (autobase/lib/store.js): a named `batch` session of the view
// core, an atom session on it, the bee on a session of that. Autobase reorders by truncating the
// batch and applying again. hyperbee forgets cached nodes only on its core's `truncate` event;
// the atom session gets none, keeps reporting its old length, and the bee goes on answering from
// nodes that are no longer in the core.
//
// Run: node hyperbee-stale-cache.mjs   (needs hyperbee, corestore; hypercore comes with them)
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'

const require = createRequire(import.meta.url)
const versions = ['hyperbee', 'hypercore', 'corestore'].map(p => `${p} ${require(`${p}/package.json`).version}`).join(', ')
const BEE = { keyEncoding: 'utf-8', valueEncoding: 'utf-8' }

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bee-stale-cache-'))
const store = new Corestore(dir)
const core = store.get({ name: 'view' })
await core.ready()
const batch = core.session({ name: 'batch', writable: true })
const atom = store.storage.createAtom()
const bee = new Hyperbee(batch.session({ atom, writable: true }).session({ writable: true }), BEE)
await bee.ready()
let truncateEvents = 0
bee.core.on('truncate', () => { truncateEvents++ })

// history 1: three keys, written through the atom and flushed (what autobase does after apply)
for (const [k, v] of [['a', 'one'], ['b', 'two'], ['c', 'three']]) await bee.put(k, v)
await atom.flush()
const lengthBefore = bee.core.length
for await (const _ of bee.createReadStream()) {} // reading fills hyperbee's node cache

// the reorder: the batch is truncated to the header block and written again, other keys this time
await batch.truncate(1)
const rebuilder = new Hyperbee(batch.session({ writable: true }), BEE)
for (const [k, v] of [['x', 'ten'], ['y', 'eleven'], ['z', 'twelve'], ['w', 'thirteen']]) await rebuilder.put(k, v)

// what the core holds now, read by a bee with no cache
const fresh = new Hyperbee(batch.session(), BEE)
const now = []
for await (const { key, value } of fresh.createReadStream()) now.push(`${key}=${value}`)

const stale = []
for await (const { key, value } of bee.createReadStream()) stale.push(`${key}=${value}`)
const a = await bee.get('a')

// the same bee with its node cache dropped (what the project's workaround does when in doubt)
bee._nodeCache?.clear?.()
bee._keyCache?.clear?.()
const afterClear = []
let afterClearError = null
try {
  for await (const { key, value } of bee.createReadStream()) afterClear.push(`${key}=${value}`)
} catch (err) { afterClearError = err.message }
const blocks = []
for (let i = 1; i < bee.core.length; i++) blocks.push((await bee.core.get(i, { wait: false }))?.toString('hex').slice(0, 16) ?? null)
const batchBlocks = []
for (let i = 1; i < bee.core.length; i++) batchBlocks.push((await batch.get(i, { wait: false }))?.toString('hex').slice(0, 16) ?? null)

console.log(versions, `node ${process.version}`)
console.log(JSON.stringify({
  batchLength: batch.length,
  beeLength: bee.core.length,
  lengthBefore,
  truncateEvents,
  coreHolds: now,
  beeReads: stale,
  beeGetA: a?.value ?? null,
  beeReadsAfterCacheClear: afterClear,
  afterClearError,
  blocksViaBeeSession: blocks,
  blocksViaBatch: batchBlocks
}, null, 1))
await Promise.all([bee.close(), rebuilder.close(), fresh.close()])
await store.close()
await fs.rm(dir, { recursive: true, force: true })
