// Many writers on autobase alone: N bases in one process, each linked by replication streams to
// its 8 nearest on a ring, 3 indexers, ackInterval 1000, a hyperbee view and an apply that puts
// one key a block. Every writer appends BLOCKS blocks, one at a time, all at once; then we wait
// until every view is equal and signed. Prints the time, the process's CPU time, and how many
// blocks autobase handed to apply against how many distinct blocks there were: every block beyond
// the first time is a re-apply after a reorder.
//
//   node docs/upstream/autobase-many-writers.mjs [N=10] [BLOCKS=20]
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import b4a from 'b4a'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const version = name => require(`${name}/package.json`).version
const N = Number(process.argv[2] ?? 10)
const BLOCKS = Number(process.argv[3] ?? 20)
const INDEXERS = [0, 1, Math.floor(N / 2)]
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autobase-many-'))

let applied = 0
const seen = new Set()
function open (i, key) {
  const store = new Corestore(path.join(dir, String(i)))
  const base = new Autobase(store, key, {
    valueEncoding: 'binary',
    ackInterval: 1000,
    open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply: async (nodes, view, host) => {
      const batch = view.batch({ update: false })
      for (const n of nodes) {
        applied++
        seen.add(`${i}/${b4a.toString(n.from.key, 'hex')}/${n.length}`)
        if (n.value.byteLength === 33 && n.value[0] >= 0xfe) await host.addWriter(n.value.subarray(1), { indexer: n.value[0] === 0xfe })
        else await batch.put(`${b4a.toString(n.from.key, 'hex')}/${n.length}`, n.value)
      }
      await batch.flush()
    },
    close: async view => { await view.close() }
  })
  return { store, base }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
async function until (check) {
  while (!(await check())) await sleep(100)
}
async function synced (bases) {
  await until(async () => {
    await Promise.all(bases.map(b => b.update()))
    const views = await Promise.all(bases.map(async b => `${b.view.core.length}/${b4a.toString(await b.view.core.treeHash(), 'hex')}`))
    return new Set(views).size === 1 && bases.every(b => b.writable && b.view.core.signedLength === b.view.core.length)
  })
}

const nodes = [open(0, null)]
await nodes[0].base.ready()
for (let i = 1; i < N; i++) {
  nodes.push(open(i, nodes[0].base.key))
  await nodes[i].base.ready()
}
const bases = nodes.map(n => n.base)
await bases[0].append(bases.slice(1).map((b, k) => b4a.concat([b4a.from([INDEXERS.includes(k + 1) ? 0xfe : 0xff]), b.local.key])))
for (let i = 0; i < N; i++) {
  for (let d = 1; d <= Math.min(4, Math.floor((N - 1) / 2)); d++) {
    const a = bases[i].replicate(true)
    const b = bases[(i + d) % N].replicate(false)
    a.on('error', () => {})
    b.on('error', () => {})
    a.pipe(b).pipe(a)
  }
}
await until(async () => bases.every(b => b.writable))
await synced(bases)

applied = 0
seen.clear()
const cpu0 = process.cpuUsage()
const t0 = Date.now()
await Promise.all(bases.map(async (b, i) => {
  for (let k = 0; k < BLOCKS; k++) await b.append(b4a.from(`writer ${i} block ${k} `.padEnd(160, '.')))
}))
await synced(bases)
const cpu = process.cpuUsage(cpu0)
console.log(`autobase ${version('autobase')}, hypercore ${version('hypercore')}, hyperbee ${version('hyperbee')}, node ${process.version}`)
console.log(JSON.stringify({
  writers: N,
  blocksEach: BLOCKS,
  convergedMs: Date.now() - t0,
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  blocksApplied: applied,
  distinctBlocksApplied: seen.size,
  appliedPerDistinct: Number((applied / seen.size).toFixed(2))
}))
for (const b of bases) await b.close()
for (const n of nodes) await n.store.close()
fs.rmSync(dir, { recursive: true, force: true })
