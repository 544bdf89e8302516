/**
 * P11: many writers. N members' nodes (N = 10, 20, 50; `--quick` stops at 10) in this one process,
 * linked by replication streams (no swarm: each node replicates with its 8 nearest on a ring, every
 * other node when N ≤ 9), three indexers, the default ack interval. Against raw autobase doing the
 * same work (fixtures.ts, rawBase: encrypted, the same frames, one record-sized put an op) with the
 * same topology, indexers and ack interval, in the same run, right after (the two sides take turns
 * for each N).
 *
 * For each N and side:
 *   - setup: the founder's node admits N − 1 members (disco: an invite and an admission each, as a
 *     member's running node appends them when it answers an invite, then a proposal that makes three
 *     devices indexers; raw: one admission block each); every member's node opens (disco: with the
 *     ledger, encryption and system core keys a pairing answer hands over) and links to its peers;
 *     each member names itself (one frame); until every view is equal and signed;
 *   - converge: every member appends a day's work, OPS_PER_WRITER contributions, one an append, all at
 *     once; until every view is equal and signed;
 *   - heal: the streams between the two halves are cut; every member appends OPS_PER_WRITER more;
 *     each half settles (views equal within it); the streams are linked again; until every view is
 *     equal and signed.
 * Reported: each time, the ops every node applies per CPU-second of this process spent per node
 * (converge and heal), the process's peak RSS over the N nodes, and the blocks autobase handed to
 * apply again after a reorder (every block applied beyond the first time, counted by wrapping the
 * apply handler of each base: the bench's instrument, not the node's).
 */
import path from 'node:path'
import type { Duplex } from 'node:stream'
import Corestore from 'corestore'
import b4a from 'b4a'
import type Autobase from 'autobase'
import type { ApplyNode } from 'autobase'
import type Hyperbee from 'hyperbee'
import { DEFAULT_ACK_INTERVAL, DiscoNode } from '../src/node/node.js'
import { converge } from '../src/demo/converge.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { createInvite } from '../src/net/invites.js'
import { admitProof } from '../src/ledger/admission.js'
import { deviceKey } from '../src/invites/join.js'
import { writeConfig } from '../src/node/storage.js'
import { HEAD_KEY, INDEXERS_KEY, keys } from '../src/consensus/view-layout.js'
import { headDigest } from '../src/consensus/view-head.js'
import type { Op } from '../src/ledger/ops.js'
import { MB, contribution, frameOf, peakRss, rawAdmission, rawBase, removeDir, tempDir } from './fixtures.js'
import { msSince, round } from './harness.js'
import type { Measure, Scenario } from './harness.js'
import { SignedWatch, baseState, describe, divergences, signingLines, traceSigning } from './writers-state.js'

/** a member's day of work: entries logged one at a time */
const OPS_PER_WRITER = 20
const DEGREE = 8
const INDEXERS = 3

/** what both sides offer the scenario */
interface Cluster {
  size: number
  /** member `i` appends one op, as one block */
  append: (i: number, op: Op) => Promise<void>
  /** every view equal and signed */
  converged: (timeoutMs: number) => Promise<void>
  /** the views of these members are equal (no signatures asked: a half may hold one indexer) */
  settled: (members: number[], timeoutMs: number) => Promise<void>
  /** the replicating ends of member `i` */
  replicate: (i: number, initiator: boolean) => Duplex
  /** blocks handed to apply, and how many of them were distinct */
  applied: () => { blocks: number, distinct: number }
  resetApplied: () => void
  /** the streams between members, once linked */
  links: Links | null
  /** every member's base, for the report of a wait that timed out (writers-state.ts) */
  bases: () => Array<Autobase<Hyperbee>>
  /** whether the views hold the disco digest */
  digested: boolean
  /** what setup needs of member `i`, as its node sees it now (for a report: writers-state.ts) */
  setupState: (i: number) => Promise<string>
  close: () => Promise<void>
}

/** Count every block a base's apply handler gets (the handler autobase calls: a private field). */
function countApplies (base: Autobase<Hyperbee>, counter: { blocks: number, seen: Set<string> }): void {
  const handlers = (base as unknown as { _handlers: { apply: (nodes: ApplyNode[], view: Hyperbee, host: unknown) => Promise<void> } })._handlers
  const apply = handlers.apply
  handlers.apply = async (nodes, view, host) => {
    counter.blocks += nodes.length
    for (const n of nodes) counter.seen.add(`${b4a.toString(n.from.key, 'hex')}/${n.length}`)
    await apply(nodes, view, host)
  }
}

function counters (n: number): Array<{ blocks: number, seen: Set<string> }> {
  return Array.from({ length: n }, () => ({ blocks: 0, seen: new Set<string>() }))
}

function totals (cs: Array<{ blocks: number, seen: Set<string> }>): { blocks: number, distinct: number } {
  return { blocks: cs.reduce((s, c) => s + c.blocks, 0), distinct: cs.reduce((s, c) => s + c.seen.size, 0) }
}

/** the member indexes that sign: the founder, the next, and the first of the other half */
function indexerSeats (n: number): number[] {
  return [0, 1, Math.floor(n / 2)]
}

/** each member linked to its DEGREE nearest on a ring (pairs i < j) */
export function ringEdges (n: number): Array<[number, number]> {
  const edges = new Set<string>()
  const reach = Math.min(DEGREE / 2, Math.floor((n - 1) / 2))
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= reach; d++) {
      const j = (i + d) % n
      edges.add(i < j ? `${i},${j}` : `${j},${i}`)
    }
    // an even N with every other node reachable: the node opposite
    if (n - 1 <= DEGREE && n % 2 === 0) { const j = (i + n / 2) % n; edges.add(i < j ? `${i},${j}` : `${j},${i}`) }
  }
  return [...edges].map(e => e.split(',').map(Number) as [number, number])
}

/** The links between members, that can be cut and made again. */
class Links {
  private readonly open = new Map<string, () => void>()
  constructor (private readonly cluster: Cluster) {}
  link (i: number, j: number): void {
    const a = this.cluster.replicate(i, true)
    const b = this.cluster.replicate(j, false)
    a.on('error', () => {})
    b.on('error', () => {})
    a.pipe(b).pipe(a)
    this.open.set(`${i},${j}`, () => { a.destroy(); b.destroy() })
  }

  cut (i: number, j: number): void {
    this.open.get(`${i},${j}`)?.()
    this.open.delete(`${i},${j}`)
  }

  cutAll (): void {
    for (const destroy of this.open.values()) destroy()
    this.open.clear()
  }
}

async function waitUntil (what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`P11: ${what} did not happen in ${timeoutMs / 1000} s`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

async function digestOf (node: DiscoNode): Promise<string> {
  const snap = node.snapshot()
  try {
    const got = await snap.get(HEAD_KEY, { wait: false })
    return `${node.view.core.length}/${got === null ? 'pending' : headDigest(got.value) ?? 'pending'}`
  } catch {
    return 'pending'
  } finally {
    await snap.close()
  }
}

/**
 * Makes one side's cluster. `hold` is handed the cluster as soon as it exists, so that a setup that
 * fails can still be reported node by node (and is closed by the caller).
 */
export type MakeCluster = (dir: string, n: number, timeoutMs: number, hold: (c: Cluster) => void) => Promise<Cluster>

/** A value of the view as this node holds it now, or why not: never waits on the network. */
async function viewValue (node: DiscoNode, key: string): Promise<string> {
  const snap = node.snapshot()
  try {
    const got = await snap.get(key, { wait: false })
    return got === null ? 'absent' : b4a.toString(got.value)
  } catch (err) {
    return `unread (${String((err as Error)?.message ?? err).slice(0, 40)})`
  } finally {
    await snap.close()
  }
}

/**
 * Member `i`'s setup as its node sees it: its admission and name in its view, the indexers, its own
 * log, whether it fast-forwarded, and which nodes store its log (a peer replicates a core with
 * another only if it holds it: corestore's `_attachMaybe`).
 */
async function discoSetupState (nodes: DiscoNode[], i: number): Promise<string> {
  const node = nodes[i]!
  const device = b4a.toString(node.base.local.key, 'hex')
  const admitted = await viewValue(node, keys.device(device))
  const member = await viewValue(node, keys.member(device))
  const indexers = await viewValue(node, INDEXERS_KEY)
  let name = 'absent'
  try { name = member.startsWith('{') ? JSON.stringify((JSON.parse(member) as { name?: string }).name ?? '') : member } catch { name = 'unparsed' }
  let seats = indexers
  try { seats = indexers.startsWith('{') ? String((JSON.parse(indexers) as { devices: string[] }).devices.length) : indexers } catch { seats = 'unparsed' }
  return `m${i}: ${node.failed !== null ? `FAILED (${node.failed.message.slice(0, 80)}) ` : ''}device ${device.slice(0, 8)} ${admitted === 'absent' ? 'NOT in its view' : admitted.startsWith('unread') ? admitted : 'in its view'}` +
    `${i === 0 ? '' : `, its name ${name}`}, indexers in its view ${seats}, own log ${node.base.local.length}` +
    `, writers active ${(node.base as unknown as { activeWriters: { size: number } }).activeWriters.size}` +
    `, fast-forwards ${node.fastForwards.map(j => `${j.from}→${j.to}`).join(' ') || 'none'}` +
    `; its log stored at ${await storedAt(nodes, node.base.local.discoveryKey)}`
}

/** which nodes' stores hold the core of this discovery key (what corestore asks before it replicates one) */
async function storedAt (nodes: DiscoNode[], discoveryKey: Uint8Array): Promise<string> {
  const at: number[] = []
  for (const [j, other] of nodes.entries()) {
    const storage = (other.base as unknown as { store: { storage: { hasCore: (dk: Uint8Array) => Promise<boolean> } } }).store.storage
    if (await storage.hasCore(discoveryKey).catch(() => false)) at.push(j)
  }
  return at.length === nodes.length ? 'every node' : `m${at.join(' m')} (of ${nodes.length})`
}

/** N disco nodes: the founder admits the others as a running node answering invites does. */
export const discoCluster: MakeCluster = async (dir, n, timeoutMs, hold) => {
  const nodes: DiscoNode[] = []
  const cs = counters(n)
  const cluster: Cluster = {
    links: null,
    bases: () => nodes.map(x => x.base),
    digested: true,
    setupState: async i => nodes[i] === undefined ? `m${i}: not opened` : await discoSetupState(nodes, i),
    size: n,
    append: async (i, op) => { await nodes[i]!.append([op]) },
    converged: async ms => { await converge(nodes, ms) },
    settled: async (members, ms) => {
      const some = members.map(i => nodes[i]!)
      await waitUntil('a half to settle', async () => {
        await Promise.all(some.map(async s => await s.base.update().catch(() => {})))
        const states = await Promise.all(some.map(digestOf))
        return new Set(states).size === 1 && !states[0]!.endsWith('pending')
      }, ms)
    },
    replicate: (i, initiator) => nodes[i]!.base.replicate(initiator),
    applied: () => totals(cs),
    resetApplied: () => { for (const c of cs) { c.blocks = 0; c.seen.clear() } },
    close: async () => {
      cluster.links?.cutAll()
      for (const node of nodes) await node.close().catch(() => {})
    }
  }
  hold(cluster)
  {
    const founder = await DiscoNode.create({ storage: path.join(dir, 'm0'), coopName: 'Bench', memberName: 'M0' })
    nodes.push(founder)
    countApplies(founder.base, cs[0]!)
    const storages = Array.from({ length: n - 1 }, (_, k) => path.join(dir, `m${k + 1}`))
    const writers = await Promise.all(storages.map(async s => b4a.from(await deviceKey(s), 'hex')))
    const expires = Date.now() + 86_400_000
    const invites = writers.map(() => createInvite(founder.key, expires))
    await founder.append(invites.map(inv => ({ type: 'invite', inviteId: inv.id, publicKey: inv.publicKey, role: 'contributor', expires })))
    await founder.append(invites.map((inv, k) => ({ type: 'admit', inviteId: inv.id, writer: writers[k]!, proof: admitProof(inv.seed, inv.id, writers[k]!) })))
    const seats = indexerSeats(n).map(i => b4a.toString(i === 0 ? founder.localKey : writers[i - 1]!, 'hex'))
    const ledger = b4a.toString(founder.key, 'hex')
    for (const [k, storage] of storages.entries()) {
      await writeConfig(storage, { format: 1, ledger })
      const node = await DiscoNode.open({ storage, encryptionKey: founder.encryptionKeyForPairing(), fastForwardTo: founder.base.core.key })
      nodes.push(node)
      countApplies(node.base, cs[k + 1]!)
    }
    const links = new Links(cluster)
    cluster.links = links
    for (const [i, j] of ringEdges(n)) links.link(i, j)
    // each member names itself once its node sees it may write, as `disco join` does
    await Promise.all(nodes.slice(1).map(async (node, k) => {
      await waitUntil(`member ${k + 1} to be writable`, async () => node.base.writable, timeoutMs)
      await node.append([{ type: 'profile', name: `M${k + 1}` }])
    }))
    // then three of the devices sign the ledger, as a cooperative decides once it has members.
    // (Made before the members' nodes open, with their fast-forward key taken after the change,
    // the members did not converge in this bench: autobase 7.28.1, not looked into further.)
    const { proposal } = await propose(founder, { kind: 'indexers', devices: seats })
    await vote(founder, { id: proposal.id, choice: 'yes' })
    await converge(nodes, timeoutMs)
    const indexers = nodes.filter(x => x.base.isIndexer).length
    if (indexers !== INDEXERS) throw new Error(`P11: ${indexers} indexers, not ${INDEXERS}`)
    return cluster
  }
}

/** N raw bases: the founder's admits the others (three indexers) in one append. */
export const rawCluster: MakeCluster = async (dir, n, timeoutMs, hold) => {
  const bases: Array<Autobase<Hyperbee>> = []
  const stores: Corestore[] = []
  const cs = counters(n)
  const synced = async (some: Array<Autobase<Hyperbee>>, signed: boolean, ms: number): Promise<void> => {
    await waitUntil('the raw views to agree', async () => {
      await Promise.all(some.map(async b => await b.update().catch(() => {})))
      const views = await Promise.all(some.map(async b => `${b.view.core.length}/${b4a.toString(await b.view.core.treeHash(), 'hex')}`))
      return new Set(views).size === 1 && (!signed || some.every(b => b.writable && b.view.core.signedLength === b.view.core.length))
    }, ms)
  }
  const cluster: Cluster = {
    links: null,
    bases: () => bases,
    digested: false,
    setupState: async i => bases[i] === undefined ? `m${i}: not opened` : `m${i}: own log ${bases[i]!.local.length}, writers active ${(bases[i] as unknown as { activeWriters: { size: number } }).activeWriters.size}`,
    size: n,
    append: async (i, op) => { await bases[i]!.append(frameOf([op])) },
    converged: async ms => { await synced(bases, true, ms) },
    settled: async (members, ms) => { await synced(members.map(i => bases[i]!), false, ms) },
    replicate: (i, initiator) => bases[i]!.replicate(initiator),
    applied: () => totals(cs),
    resetApplied: () => { for (const c of cs) { c.blocks = 0; c.seen.clear() } },
    close: async () => {
      cluster.links?.cutAll()
      for (const b of bases) await b.close().catch(() => {})
      for (const s of stores) await s.close().catch(() => {})
    }
  }
  hold(cluster)
  {
    const open = (i: number, key: Uint8Array | null, encryptionKey?: Uint8Array): Autobase<Hyperbee> => {
      const store = new Corestore(path.join(dir, `raw${i}`))
      stores.push(store)
      const base = rawBase(store, key, { ackInterval: DEFAULT_ACK_INTERVAL, ...(encryptionKey !== undefined ? { encryptionKey } : {}) })
      countApplies(base, cs[i]!)
      bases.push(base)
      return base
    }
    const founder = open(0, null)
    await founder.ready()
    for (let i = 1; i < n; i++) await open(i, founder.key, founder.encryptionKey as Uint8Array).ready()
    const seats = new Set(indexerSeats(n))
    await founder.append(bases.slice(1).map((b, k) => rawAdmission(b.local.key, seats.has(k + 1))))
    const links = new Links(cluster)
    cluster.links = links
    for (const [i, j] of ringEdges(n)) links.link(i, j)
    await Promise.all(bases.slice(1).map(async (b, k) => {
      await waitUntil(`raw member ${k + 1} to be writable`, async () => b.writable, timeoutMs)
      await b.append(frameOf([{ type: 'profile', name: `M${k + 1}` }]))
    }))
    await synced(bases, true, timeoutMs)
    return cluster
  }
}

/** every node's state (writers-state.ts, describe), and in setup each member's as its node sees it */
async function clusterState (cluster: Cluster, watch: SignedWatch | null, setup: boolean): Promise<string[]> {
  const states = await Promise.all(cluster.bases().map(async (b, i) => ({ ...await baseState(i, b, cluster.digested), signedStillForMs: watch?.stillFor(i) })))
  const lines = describe(states)
  if (setup) lines.push(...await Promise.all(cluster.bases().map(async (_, i) => `  ${await cluster.setupState(i)}`)))
  return lines
}

/** What one side did at one N. */
export interface Run {
  setupMs: number
  convergeMs: number | null
  healMs: number | null
  convergeOpsPerCpuSecond: number | null
  healOpsPerCpuSecond: number | null
  peakRssPerNodeMB: number
  reapplied: { converge: number, heal: number }
  /** of the converge and heal times, the last stretch when no view changed: waiting on signatures */
  signingTailMs: { converge: number | null, heal: number | null }
  error?: string
  /** when a wait timed out: each node's state (writers-state.ts, describe) */
  states?: string[]
  /** when a wait timed out: whether two nodes differ at an equal signed length */
  divergent?: boolean
}

/** every member appends OPS_PER_WRITER ops, one an append, all at once; op numbers from `from` */
async function dayOfWork (c: Cluster, members: number[], from: number): Promise<void> {
  await Promise.all(members.map(async i => {
    for (let k = 0; k < OPS_PER_WRITER; k++) await c.append(i, contribution(from + i * OPS_PER_WRITER + k))
  }))
}

function cpuMicros (): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

/** `stopAfter`: end the run after that phase (writers-heal.js --setup-only, --no-heal: for looking into one phase) */
export async function runSide (make: MakeCluster, n: number, timeoutMs: number, say?: (line: string) => void, stopAfter: 'setup' | 'converge' | null = null): Promise<Run> {
  const dir = await tempDir('p11')
  if (process.env.P11_SIGNING === '1') await traceSigning()
  const rss = peakRss()
  const run: Run = { setupMs: 0, convergeMs: null, healMs: null, convergeOpsPerCpuSecond: null, healOpsPerCpuSecond: null, peakRssPerNodeMB: 0, reapplied: { converge: 0, heal: 0 }, signingTailMs: { converge: null, heal: null } }
  let c: Cluster | null = null
  let watch: SignedWatch | null = null
  let phase = 'setup'
  // with `say`, the signed lengths every 10 s: progress, or none
  const progress = say === undefined ? null : setInterval(() => {
    const bases = c?.bases() ?? []
    if (bases.length > 0) say(`    ${phase}: signed ${bases.map(b => b.view.core.signedLength).join(' ')} / view ${bases.map(b => b.view.core.length).join(' ')}`)
    // every view equal and some unsigned: where each node stands on the indexers' checkpoints
    if (process.env.P11_SIGNING === '1' && bases.length > 0 && new Set(bases.map(b => b.view.core.length)).size === 1 && bases.some(b => b.view.core.signedLength < b.view.core.length)) {
      for (const line of signingLines(bases)) say(`    ${line}`)
    }
  }, Number(process.env.P11_PROGRESS_MS ?? 10_000))
  // every node's state now, without ending the run: on SIGUSR2, or once when P11_STALL_S is set
  // and some node's view stood still that long while another's is longer (a stall caught live)
  const dump = async (why: string): Promise<void> => {
    const cluster = c
    if (say === undefined || cluster === null) return
    say(`    ${phase}: state dump (${why}):`)
    for (const line of await clusterState(cluster, watch, phase === 'setup')) say(`  ${line}`)
  }
  const onSignal = (): void => { dump('SIGUSR2').catch(() => {}) }
  process.on('SIGUSR2', onSignal)
  const stallMs = Number(process.env.P11_STALL_S ?? 0) * 1000
  const seen: Array<{ length: number, at: number }> = []
  let dumped = false
  const stallWatch = stallMs > 0 ? setInterval(() => {
    const bases = c?.bases() ?? []
    const top = Math.max(0, ...bases.map(b => b.view.core.length))
    for (const [i, b] of bases.entries()) {
      const l = b.view.core.length
      if (seen[i]?.length !== l) seen[i] = { length: l, at: Date.now() }
      else if (!dumped && l > 0 && l < top && Date.now() - seen[i]!.at > stallMs) {
        dumped = true
        dump(`m${i} at view ${l} for ${stallMs / 1000} s, another at ${top}`).catch(() => {})
      }
    }
  }, 1000) : null
  try {
    const start = process.hrtime.bigint()
    c = await make(dir, n, timeoutMs, made => { c = made })
    run.setupMs = msSince(start)
    const cluster = c
    const links = cluster.links
    if (links === null) throw new Error('P11: the members are not linked')
    if (stopAfter === 'setup') return run
    const all = Array.from({ length: n }, (_, i) => i)
    const opsAtEachNode = n * OPS_PER_WRITER

    // everyone writes at once
    phase = 'converge'
    watch = new SignedWatch(cluster.bases)
    cluster.resetApplied()
    let cpu = cpuMicros()
    let t = process.hrtime.bigint()
    await dayOfWork(cluster, all, 0)
    await cluster.converged(timeoutMs)
    run.convergeMs = msSince(t)
    run.signingTailMs.converge = watch.viewsStillFor()
    // each node applies every op; the process's CPU time is shared by n nodes
    run.convergeOpsPerCpuSecond = opsAtEachNode / ((cpuMicros() - cpu) / 1e6 / n)
    let a = cluster.applied()
    run.reapplied.converge = a.blocks - a.distinct
    if (stopAfter === 'converge') return run

    // a partition into halves, writes on both sides, then the heal
    phase = 'partitioned'
    const half = Math.floor(n / 2)
    const crossing = ringEdges(n).filter(([i, j]) => (i < half) !== (j < half))
    for (const [i, j] of crossing) links.cut(i, j)
    await dayOfWork(cluster, all, opsAtEachNode)
    await cluster.settled(all.slice(0, half), timeoutMs)
    await cluster.settled(all.slice(half), timeoutMs)
    phase = 'heal'
    watch.stop()
    watch = new SignedWatch(cluster.bases)
    cluster.resetApplied()
    cpu = cpuMicros()
    t = process.hrtime.bigint()
    for (const [i, j] of crossing) links.link(i, j)
    await cluster.converged(timeoutMs)
    run.healMs = msSince(t)
    run.signingTailMs.heal = watch.viewsStillFor()
    run.healOpsPerCpuSecond = opsAtEachNode / ((cpuMicros() - cpu) / 1e6 / n)
    a = cluster.applied()
    run.reapplied.heal = a.blocks - a.distinct
  } catch (err) {
    // the whole message: a converge that gave up lists every node in it
    run.error = `${phase}: ${String((err as Error)?.message ?? err)}`
    if (c !== null) {
      // every node's state when the wait gave up: slow, stalled, or divergent; in setup, also
      // how far each member's admission, name and the indexers reached its view
      const cluster: Cluster = c
      const states = await Promise.all(cluster.bases().map(async (b, i) => ({ ...await baseState(i, b, cluster.digested), signedStillForMs: watch?.stillFor(i) })))
      run.divergent = divergences(states).length > 0
      run.states = await clusterState(cluster, watch, phase === 'setup')
    }
  } finally {
    if (progress !== null) clearInterval(progress)
    if (stallWatch !== null) clearInterval(stallWatch)
    process.off('SIGUSR2', onSignal)
    watch?.stop()
    run.peakRssPerNodeMB = rss.stop() / MB / n
    await c?.close()
    await removeDir(dir)
  }
  return run
}

const fmt = (ms: number | null): string => ms === null ? 'none' : `${(ms / 1000).toFixed(1)} s`

export const scenario: Scenario = {
  id: 'P11',
  title: `many writers: N members in one process on replication streams, ${INDEXERS} indexers, ${OPS_PER_WRITER} ops each at once, then a partition healed`,
  baseline: 'encrypted autobase, same topology, indexers and ack interval, the same frames, one record-sized put an op',
  async run (opts) {
    const sizes = opts.quick ? [10] : [10, 20, 50]
    const timeoutMs = opts.quick ? 300_000 : 600_000
    const rows: Measure[] = []
    for (const n of sizes) {
      const disco = await runSide(discoCluster, n, timeoutMs)
      opts.say(`  P11 disco, ${n} writers: setup ${fmt(disco.setupMs)}, converge ${fmt(disco.convergeMs)}, heal ${fmt(disco.healMs)}, ${Math.round(disco.peakRssPerNodeMB)} MB a node${disco.error !== undefined ? `; ${disco.error}` : ''}`)
      for (const line of disco.states ?? []) opts.say(line)
      const raw = await runSide(rawCluster, n, timeoutMs)
      opts.say(`  P11 raw, ${n} writers: setup ${fmt(raw.setupMs)}, converge ${fmt(raw.convergeMs)}, heal ${fmt(raw.healMs)}, ${Math.round(raw.peakRssPerNodeMB)} MB a node${raw.error !== undefined ? `; ${raw.error}` : ''}`)
      for (const line of raw.states ?? []) opts.say(line)
      const ops = n * OPS_PER_WRITER
      // a side that did not get there is reported at the timeout, and misses its target
      const orTimeout = (ms: number | null): number => ms ?? timeoutMs
      const detail = (r: Run): Record<string, unknown> => ({ ...r, setupMs: round(r.setupMs), convergeMs: r.convergeMs === null ? null : round(r.convergeMs), healMs: r.healMs === null ? null : round(r.healMs) })
      rows.push(
        { metric: `${n} writers × ${OPS_PER_WRITER} ops: converged and signed`, unit: 'ms', disco: orTimeout(disco.convergeMs), baseline: orTimeout(raw.convergeMs), target: { ratioAtMost: 1.2 }, detail: { ops, disco: detail(disco), raw: detail(raw) } },
        { metric: `… a partition (${ops.toLocaleString('en')} ops on both sides) healed`, unit: 'ms', disco: orTimeout(disco.healMs), baseline: orTimeout(raw.healMs), target: n === 50 ? { atMost: 10_000 } : { none: true } },
        { metric: `… ops applied per CPU-second a node (converge)`, unit: 'ops/s', disco: disco.convergeOpsPerCpuSecond ?? 0, baseline: raw.convergeOpsPerCpuSecond, target: { none: true } },
        { metric: `… setting up ${n} members`, unit: 'ms', disco: disco.setupMs, baseline: raw.setupMs, target: n === 50 ? { atMost: 30_000 } : { none: true } },
        { metric: '… RSS a node (process peak / N)', unit: 'MB', disco: disco.peakRssPerNodeMB, baseline: raw.peakRssPerNodeMB, target: n === 50 ? { atMost: 100 } : { none: true } },
        { metric: '… blocks applied again after reorders (converge + heal)', unit: 'blocks', disco: disco.reapplied.converge + disco.reapplied.heal, baseline: raw.reapplied.converge + raw.reapplied.heal, target: { none: true } }
      )
      if (n === 50) rows.push({ metric: '… 50 writers converge within 10 s', unit: 'ms', disco: orTimeout(disco.convergeMs), baseline: null, target: { atMost: 10_000 } })
    }
    return rows
  }
}
