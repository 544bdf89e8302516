import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import type { BeeReader } from 'hyperbee'
import { Replay } from '../consensus/replay.js'
import type { LinearBlock, OrderRecord } from '../consensus/apply.js'
import type { BlockRecord } from '../consensus/block-dates.js'
import { parseJson } from '../consensus/canonical-json.js'
import { getDigest, getHead, listDeviceKeys } from '../consensus/queries.js'
import { HEAD_KEY, keys, parseBlockKey } from '../consensus/view-layout.js'
import { headDigest } from '../consensus/view-head.js'
import { CausalOrder } from './causal-order.js'
import { checkWriterCore, short } from './writer-core.js'
import type { FetchMissing, WriterBlock } from './writer-core.js'
import { compareViews } from './view-diff.js'
import type { ViewDifference } from './view-diff.js'

export interface VerifyProgress {
  phase: 'cores' | 'replay' | 'compare'
  done: number
  total: number
}

export interface VerifyReport {
  /** true only when every check passed */
  ok: boolean
  /** the first thing that failed, in words; null when ok */
  problem: string | null
  /** when the views differ: the first key, and what the view and the replay hold there */
  difference: ViewDifference | null
  /** the ledger's length signed by a majority of indexers, and its whole length */
  signedLength: number
  length: number
  /** blocks in the linearised order, and the ops they carry */
  blocks: number
  ops: number
  writers: Array<{ writer: string, length: number, blocksAudited: number }>
  /** view keys found equal, and how many of them each kind of record had */
  keys: number
  counted: Record<string, number>
  digest: { view: string | null, replay: string | null }
  replay: { ms: number, opsPerSecond: number }
}

/** A block of the order the view records, with the place its record gives it. */
export interface PlacedBlock extends OrderRecord {
  n: number
}

/**
 * The linearised order the view records (each `block/<writer>/<seq>` with its place `n`), first
 * block first. An honest view's places are 0, 1, 2, … with none twice: `orderProblem` says whether
 * these are.
 */
export async function readOrder (view: BeeReader): Promise<PlacedBlock[]> {
  const order: PlacedBlock[] = []
  for await (const { key, value } of view.createReadStream(keys.blocks)) {
    const { n } = parseJson<BlockRecord>(value)
    order.push({ ...parseBlockKey(key), n })
  }
  return order.sort((a, b) => a.n - b.n)
}

/** What is wrong with the places of an order read by readOrder, or null: none missing, none twice. */
export function orderProblem (order: PlacedBlock[]): string | null {
  for (let i = 0; i < order.length; i++) {
    const block = order[i] as PlacedBlock
    if (block.n !== i) return `the view records block ${short(block.writer)}/${block.seq} at position ${String(block.n)}, where position ${i} was due`
  }
  return null
}

/**
 * `disco verify`: re-derive the view from the signed feeds alone and compare.
 *
 * 1. Every writer core the ledger names is audited (blocks and Merkle tree re-hashed) and its
 *    signed roots are checked against its public key.
 * 2. The linearised order the view records (`block/<writer>/<seq>`'s place `n`) is replayed from an empty view through
 *    the same apply, in memory, with the blocks read from the writers' cores.
 * 3. The order is checked against each block's causal heads.
 * 4. The replay and the view are compared key by key (entries, balances, decisions, statements,
 *    rejections and the digest are all keys of the view): the first difference is named.
 */
export async function verifyLedger (base: Autobase<Hyperbee>, view: BeeReader, fetch: FetchMissing, onProgress: (p: VerifyProgress) => void = () => {}): Promise<VerifyReport> {
  const order = await readOrder(view)
  const report: VerifyReport = {
    ok: false,
    problem: null,
    difference: null,
    signedLength: base.signedLength,
    length: base.length,
    blocks: order.length,
    ops: 0,
    writers: [],
    keys: 0,
    counted: {},
    digest: { view: await getDigest(view), replay: null },
    replay: { ms: 0, opsPerSecond: 0 }
  }
  const fail = (problem: string): VerifyReport => ({ ...report, problem })

  const misplaced = orderProblem(order)
  if (misplaced !== null) return fail(misplaced)

  const recordedLength = (await getHead(view)).blocks
  if (recordedLength !== order.length) return fail(`the view says ${recordedLength} blocks were applied but records ${order.length}`)

  // 1. the writers' cores
  const writers = new Set(order.map(o => o.writer))
  for (const writer of await listDeviceKeys(view)) writers.add(writer)
  const blocks = new Map<string, WriterBlock[]>()
  for (const writer of [...writers].sort()) {
    onProgress({ phase: 'cores', done: blocks.size, total: writers.size })
    const check = await checkWriterCore(base, writer, fetch)
    if (check.problem !== null) return fail(check.problem)
    report.writers.push({ writer, length: check.length, blocksAudited: check.blocksAudited })
    blocks.set(writer, check.blocks)
  }

  // 2. the replay
  const linear: LinearBlock[] = []
  for (const { writer, seq } of order) {
    const value = blocks.get(writer)?.[seq]?.value
    if (value === undefined || value === null) {
      return fail(`block ${short(writer)}/${seq} of the order is not in its writer's core` +
        (fetch === null ? ' on this device (a node that caught up by fast-forward holds only part of it: verify with disco start running)' : ''))
    }
    linear.push({ from: { key: b4a.from(writer, 'hex') }, length: seq + 1, value })
  }
  const replay = new Replay()
  const started = performance.now()
  await replay.addAll(linear, done => onProgress({ phase: 'replay', done, total: order.length }))
  report.ops = replay.ops
  report.replay.ms = Math.round(performance.now() - started)
  report.replay.opsPerSecond = report.replay.ms === 0 ? report.ops * 1000 : Math.round(report.ops / report.replay.ms * 1000)
  report.digest.replay = headDigest(await replay.store.get(HEAD_KEY))

  // 3. causality
  const causal = new CausalOrder(blocks, replay.removed)
  for (const [n, { writer, seq }] of order.entries()) {
    const problem = causal.next(writer, seq)
    if (problem !== null) return fail(`the order breaks causality at position ${n}: ${problem}`)
  }

  // 4. the view against the replay
  onProgress({ phase: 'compare', done: 0, total: replay.store.map.size })
  const compared = await compareViews(view.createReadStream(), replay.store.sorted())
  report.keys = compared.keys
  report.counted = compared.counted
  if (compared.difference !== null) {
    const d = compared.difference
    const what = d.view === null ? 'is missing from the view' : d.replay === null ? 'is in the view but not in the replay' : 'differs'
    return { ...fail(`the view differs from a replay of the signed feeds: key ${d.key} ${what}`), difference: d }
  }
  return { ...report, ok: true }
}
