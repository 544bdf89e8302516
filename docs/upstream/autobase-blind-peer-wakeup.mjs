// autobase 7.28.1 and a blind peer's wakeup announce (blind-peer 3.8.1, WakeupHandler.onpeeractive).
// A reader 10,000 entries behind its only indexer reconnects to a store that holds the ledger (served
// as blind-peer serves it: a plain corestore), over a link with 40 ms of latency each way. Announce:
//   none          no wakeup announce (the control)
//   blind-peer    what blind-peer announces: every core it keeps with the autobase as referrer, with
//                 its length — the system core and the view among them
//   writers-only  only the writer's log, as autobase's own peers announce
// Printed: the time until the reader's view has every entry, its fast-forward, the cores it opened
// as writers' logs, and the view blocks it fetched before the jump.
// Run from a checkout after `npm ci`: node docs/upstream/autobase-blind-peer-wakeup.mjs
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
const require = createRequire(path.join(process.cwd(), 'package.json'))
const Autobase = require('autobase')
const Corestore = require('corestore')
const Wakeup = require('protomux-wakeup')
const b4a = require('b4a')
const version = name => require(`${name}/package.json`).version

const { Transform } = require('streamx')
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 40)
// a link with some latency each way (a peer in another process, a mirror across the internet)
const slow = () => new Transform({ transform (chunk, cb) { setTimeout(() => cb(null, chunk), LATENCY_MS) } })
function link (x, y) { x.pipe(slow()).pipe(y).pipe(slow()).pipe(x) }
const OPS = 10_000
const PER_APPEND = 100

async function apply (nodes, view) {
  for (const node of nodes) {
    // some work per entry, as an app's apply does: a read of the view and a write
    if (view.length > 0) await view.get(view.length - 1)
    await view.append(node.value)
  }
}
const open = store => store.get('view', { valueEncoding: 'binary' })

async function run (announce) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ab-wakeup-'))
  const storeA = new Corestore(path.join(dir, 'a'))
  const a = new Autobase(storeA, null, { valueEncoding: 'binary', open, apply })
  await a.ready()
  await a.append(b4a.from('first'))
  const storeB = new Corestore(path.join(dir, 'b'))
  const b = new Autobase(storeB, a.key, { valueEncoding: 'binary', open, apply })
  await b.ready()
  // B syncs once, then goes offline
  let s1 = storeA.replicate(true); let s2 = b.replicate(false); s1.pipe(s2).pipe(s1)
  while (b.view.length < a.view.length) await new Promise(resolve => b.once('update', resolve))
  s1.destroy(); s2.destroy()
  await new Promise(resolve => setTimeout(resolve, 100))

  for (let i = 0; i < OPS; i += PER_APPEND) {
    await a.append(Array.from({ length: PER_APPEND }, (_, j) => b4a.from(`op ${i + j}`)))
  }
  await a.update()
  const want = a.view.length

  // B comes back: A's cores served by a plain corestore (as blind-peer serves them) ...
  let applied = 0
  const counting = b._handlers.apply
  b._handlers.apply = async (nodes, view, host) => { applied += nodes.length; return counting(nodes, view, host) }
  const events = []
  // which cores autobase opens as writers' logs, and the blocks of the view it fetches before the jump
  const asWriters = []
  const makeWriter = b._makeWriter
  b._makeWriter = function (key, ...rest) {
    const name = b4a.equals(key, a.view.key) ? 'the view' : b4a.equals(key, a.core.key) ? 'the system core' : b4a.equals(key, a.local.key) ? "A's log" : b4a.equals(key, b.local.key) ? "B's own log" : 'another core'
    asWriters.push(name)
    return makeWriter.call(this, key, ...rest)
  }
  let viewBlocksBeforeJump = 0
  let jumped = false
  b.store.get({ key: a.view.key }).on('download', () => { if (!jumped) viewBlocksBeforeJump++ })
  b.on('fast-forward', () => { jumped = true })
  const start = Date.now()
  b.on('fast-forward', (to, from) => events.push(`fast-forward ${from} -> ${to} at ${Date.now() - start} ms`))
  s1 = storeA.replicate(true); s2 = b.replicate(false); link(s1, s2)
  // ... and, on the same stream, the wakeup announce blind-peer sends a peer of the autobase: every
  // core it keeps with the autobase as referrer, with its length (the system core and view too)
  if (announce !== 'none') {
    const wakeup = new Wakeup()
    wakeup.addStream(s1)
    const session = wakeup.session(b.wakeupCapability.key, {
      onpeeractive (peer) {
        const log = { key: a.local.key, length: a.local.length }
        session.announce(peer, announce === 'blind-peer'
          ? [{ key: a.core.key, length: a.core.length }, { key: a.view.key, length: a.view.length }, log]
          : [log])
      }
    })
  }
  while (b.view.length < want) await new Promise(resolve => b.once('update', resolve))
  const ms = Date.now() - start
  await b.close(); await a.close(); await storeA.close(); await storeB.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return { announce, ms, appliedOneByOne: applied, events, openedAsWriters: asWriters, viewBlocksFetchedBeforeTheJump: viewBlocksBeforeJump }
}

console.log(`latency ${LATENCY_MS} ms each way; autobase ${version('autobase')}, hypercore ${version('hypercore')}, corestore ${version('corestore')}, protomux-wakeup ${version('protomux-wakeup')}, node ${process.version}`)
for (const announce of ['none', 'blind-peer', 'writers-only', 'none', 'blind-peer', 'writers-only']) console.log(JSON.stringify(await run(announce)))
