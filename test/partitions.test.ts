import t from 'tap'
import type { Test } from 'tap'
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { verifyLedger } from '../src/verify/verify-ledger.js'
import { converge } from '../src/demo/converge.js'
import { getDigest, listEntries } from '../src/consensus/queries.js'
import { parseJson } from '../src/consensus/canonical-json.js'
import type { Balance } from '../src/ledger/balances.js'
import type { Op, OpRef } from '../src/ledger/ops.js'
import { prng } from '../bench/prng.js'
import { contribution } from './helpers/ops.js'
import { seedCount, seeds } from './helpers/seeds.js'
import { folder } from './helpers/cluster.js'
import { Link, admitted } from './helpers/links.js'

/**
 * Partitions, replayable. Five nodes of one cooperative (three of them indexers) replicate over
 * in-process streams, no swarm. A seeded scheduler writes OPS ops (entries, amends, retractions,
 * from every node) while it splits the five into two sides, cuts and heals single links, and
 * heals everything. Every so often, on every node: the members' balances sum to the entries
 * that count (retracted ones don't), whatever signed length the node is at. After the last heal
 * every node holds the same digest, and `disco verify` passes on each. A step that waits on the
 * network at a node the schedule has cut off (a fast-forwarded node reading a view block it does
 * not hold yet) heals that node's links after a while, instead of waiting forever (`step`).
 *
 * The schedules come from fixed seeds; DISCO_SEEDS=random draws new ones (test/helpers/seeds.ts),
 * and DISCO_SEEDS=n replays a run's schedule exactly (the same writes, cuts and heals in the same
 * order; how far replication gets between two steps is up to the event loop). DISCO_LONG=1 writes
 * five times as many ops.
 */
// 22: six splits into two sides and twelve other cuts and heals in 2,000 ops (seed 1208325001,
// used before, split nothing)
const FIXED_SEEDS = [22]
/** the seed of the run in progress (the messages of `until` and `within` name it) */
let SEED = 0
const OPS = process.env.DISCO_LONG === '1' ? 10_000 : 2_000
const NAMES = ['ana', 'bo', 'cy', 'dee', 'eve']
const CHECK_EVERY = 200
/**
 * How long a step of the schedule on one node (an append, a balance check) may stay pending
 * before the scheduler heals that node's links (see `step` below). Not a pause: a step that
 * settles sooner goes on at once, and one that needs no network settles in milliseconds.
 */
const STALL_MS = 5_000
/** How long a step may then take, its links healed, before the test fails naming it. */
const STEP_TIMEOUT_MS = 120_000

// about a minute on a quiet machine; the default 120 s is too tight on a busy one
t.setTimeout(seedCount(FIXED_SEEDS) * (process.env.DISCO_LONG === '1' ? 1_800_000 : 400_000))

function entry (stream: 'livelihood' | 'love' | 'care', minutes: number, description: string): Op {
  return contribution({ stream, minutes, description, careFor: stream === 'care' ? 'collective' : null, commons: '', client: '' })
}

/** Wait (on the nodes' updates, never a fixed sleep) until `done` holds. */
async function until (nodes: DiscoNode[], done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (seed ${SEED})`)
    await Promise.all(nodes.map(async n => await n.base.update().catch(() => {})))
    if (done()) return
    await new Promise<void>(resolve => {
      const wake = (): void => { clearTimeout(timer); for (const n of nodes) n.off('update', wake); resolve() }
      const timer = setTimeout(wake, 250) // an indexer change can land without an update event
      for (const n of nodes) n.on('update', wake)
    })
  }
}

/** `work`, or a failure naming `what` once it has been pending `ms`: a wait that would never end
 * fails the test with its seed instead of leaving it unfinished. */
async function within<T> (work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => { reject(new Error(`${what}: still pending after ${ms / 1000} s (seed ${SEED})`)) }, ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

const STALLED = Symbol('stalled')

/** `work`'s value, or STALLED if it is still pending after `ms` (it goes on; await it again). */
async function settledWithin<T> (work: Promise<T>, ms: number): Promise<T | typeof STALLED> {
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<typeof STALLED>(resolve => { timer = setTimeout(() => { resolve(STALLED) }, ms) })
  try {
    return await Promise.race([work, stalled])
  } finally {
    clearTimeout(timer)
  }
}

/** Σ members' all-time balances, and Σ the entries that count, in minutes and entries. */
async function sums (node: DiscoNode): Promise<{ balances: [number, number], entries: [number, number], signed: number }> {
  const snap = node.snapshot()
  try {
    const balances: [number, number] = [0, 0]
    for await (const { key, value } of snap.createReadStream({ gt: 'bal/', lt: 'bal/\xff' })) {
      if (key.split('/')[2] !== 'all') continue
      const b = parseJson<Balance>(value)
      balances[0] += b.minutes
      balances[1] += b.entries
    }
    const entries: [number, number] = [0, 0]
    for (const e of await listEntries(snap, {})) {
      if (e.status === 'retracted') continue
      entries[0] += e.minutes
      entries[1]++
    }
    return { balances, entries, signed: node.view.core.signedLength }
  } finally {
    await snap.close()
  }
}

t.test(`five nodes, ${OPS} ops, a seeded scheduler of partitions`, async t => {
  for (const seed of seeds(t, FIXED_SEEDS)) {
    SEED = seed
    await t.test(`seed ${seed}`, partitioned)
  }
})

async function partitioned (t: Test): Promise<void> {
  const started = performance.now()
  const rand = prng(SEED)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T

  // the cooperative: Ana founds it, admits four devices, and makes Bo's and Cy's indexers
  const ana = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'Ana', ackInterval: 50 })
  const nodes = [ana]
  t.teardown(async () => { for (const n of nodes) await n.close() })
  const links: Link[] = []
  const link = (a: DiscoNode, b: DiscoNode, name: string): void => { const l = new Link(a, b, name); links.push(l); l.heal() }
  for (const name of NAMES.slice(1)) {
    const { storage } = await admitted(t, ana, name)
    const node = await DiscoNode.open({ storage, encryptionKey: ana.encryptionKeyForPairing(), ackInterval: 50 })
    for (const other of nodes) link(other, node, `${NAMES[nodes.indexOf(other)] ?? '?'}-${name}`)
    nodes.push(node)
  }
  const { proposal } = await propose(ana, { kind: 'indexers', devices: nodes.slice(0, 3).map(n => b4a.toString(n.localKey, 'hex')) })
  await vote(ana, { id: proposal.id, choice: 'yes' })
  await until(nodes, () => nodes.every(n => n.base.writable) && nodes.slice(0, 3).every(n => n.base.isIndexer), 60_000, 'five writers, three of them indexers')
  await converge(nodes, 60_000)
  t.pass('five writers, three of them indexers')

  const own = new Map<DiscoNode, OpRef[]>(nodes.map(n => [n, []]))
  const schedule: string[] = []
  let written = 0
  let checks = 0
  let stalls = 0

  /**
   * Await a step of the schedule on `node`. Both kinds can wait on the network: an append resolves
   * only once autobase has applied what came before it, and apply reads the view; a balance check
   * reads the view. A node that fast-forwarded holds only the view and system blocks it has read
   * until its background download (full-copy.ts) completes, so a read of one it lacks waits
   * for a peer; with every link of the node cut that wait never ends, and the scheduler, the only
   * thing that heals, would wait with it (tap: "test unfinished": in-process streams keep no
   * handle, so the event loop empties). So a step still pending after STALL_MS heals the node's
   * cut links (the schedule records it; with them all up, every block any node holds is one hop
   * away) and is awaited again, up to STEP_TIMEOUT_MS. Every step is still awaited and every check
   * still made, on the snapshot it started with; only the partition around that node ends early.
   */
  const step = async <T>(node: DiscoNode, what: string, work: Promise<T>): Promise<T> => {
    const first = await settledWithin(work, STALL_MS)
    if (first !== STALLED) return first
    const name = NAMES[nodes.indexOf(node)] ?? '?'
    const cut = links.filter(l => !l.up && (l.a === node || l.b === node))
    if (cut.length > 0) {
      for (const l of cut) l.heal()
      stalls++
      schedule.push(`heal ${cut.map(l => l.name).join(' ')} (${what} on ${name} pending ${STALL_MS / 1000} s)`)
    }
    return await within(work, STEP_TIMEOUT_MS, `${what} on ${name}${cut.length > 0 ? ', its links healed,' : ''}`)
  }
  let nextCheck = CHECK_EVERY
  while (written < OPS) {
    const r = rand()
    if (r < 0.04) {
      // a partition: two sides, every link across them cut
      const side = new Set(nodes.filter(() => rand() < 0.5))
      for (const l of links) if (side.has(l.a) !== side.has(l.b)) l.cut()
      schedule.push(`split ${nodes.filter(n => side.has(n)).map(n => NAMES[nodes.indexOf(n)]).join('+')}`)
    } else if (r < 0.07) {
      for (const l of links) l.heal()
      schedule.push('heal all')
    } else if (r < 0.12) {
      const l = pick(links)
      if (l.up) l.cut(); else l.heal()
      schedule.push(`${l.up ? 'heal' : 'cut'} ${l.name}`)
    } else {
      const node = pick(nodes)
      const mine = own.get(node) as OpRef[]
      const ops: Op[] = []
      const count = 5 + Math.floor(rand() * 31)
      for (let i = 0; i < count; i++) {
        const kind = rand()
        const target = mine.length > 0 ? pick(mine) : null
        if (kind < 0.1 && target !== null) ops.push({ type: 'amend', target, patch: { minutes: 1 + Math.floor(rand() * 300) } })
        else if (kind < 0.15 && target !== null) ops.push({ type: 'retract', target, reason: 'scheduled' })
        else ops.push(entry(pick(['livelihood', 'love', 'care'] as const), 1 + Math.floor(rand() * 300), `op ${written + i}`))
      }
      const refs = await step(node, `an append of ${count} ops`, node.append(ops))
      refs.forEach((ref, i) => { if (ops[i]?.type === 'contribution') mine.push(ref) })
      written += count
    }
    if (written >= nextCheck) {
      nextCheck += CHECK_EVERY
      for (const [i, node] of nodes.entries()) {
        const s = await step(node, 'a balance check', sums(node))
        checks++
        if (s.balances[0] !== s.entries[0] || s.balances[1] !== s.entries[1]) {
          t.fail(`${NAMES[i] ?? '?'} at signed length ${s.signed}: balances ${s.balances.join('/')} ≠ entries ${s.entries.join('/')} (seed ${SEED})`)
        }
      }
    }
  }
  for (const l of links) l.heal()
  const splits = schedule.filter(s => s.startsWith('split')).length
  t.comment(`${written} ops written; ${splits} partitions, ${schedule.length - splits - stalls} other cuts and heals; ${checks} balance checks; ${stalls} steps that waited on a cut-off node healed its links`)

  await converge(nodes, 120_000).catch(err => { throw new Error(`${(err as Error).message} (seed ${SEED})`) })
  // every link is up from here on; the waits are bounded all the same, so that none can hang
  const digests = await within(Promise.all(nodes.map(async n => { const s = n.snapshot(); try { return await getDigest(s) } finally { await s.close() } })), STEP_TIMEOUT_MS, 'reading the digests')
  t.equal(new Set(digests).size, 1, `after the last heal every node holds the same digest (seed ${SEED})`)
  for (const [i, node] of nodes.entries()) {
    const s = await within(sums(node), STEP_TIMEOUT_MS, `the last balance check on ${NAMES[i] ?? '?'}`)
    t.same(s.balances, s.entries, `${NAMES[i] ?? '?'}: the balances sum to the entries that count (seed ${SEED})`)
    // these nodes replicate over the test's own streams, not a swarm: let verify fetch what a
    // fast-forwarded node never downloaded
    const snap = node.snapshot()
    const v = await within(verifyLedger(node.base, snap, { timeoutMs: 15_000 }), STEP_TIMEOUT_MS, `disco verify on ${NAMES[i] ?? '?'}`).finally(async () => { await snap.close() })
    t.ok(v.ok, `${NAMES[i] ?? '?'}: disco verify passes${v.ok ? '' : `: ${v.problem ?? ''}`} (seed ${SEED})`, { difference: v.difference })
  }
  t.comment(`partition test: ${Math.round(performance.now() - started)} ms`)
}
