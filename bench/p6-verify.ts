/**
 * P6: `disco verify` on a ledger of 100,000 ops. The baseline is the raw stack's trivial apply
 * (fixtures.ts, rawBase) replayed over the same blocks, already in memory, into the same in-memory
 * store verify uses: decode each frame, one record-sized value an op and one key a block. Verify's
 * own replay phase is the same kind of work; the whole check adds reading and re-hashing the
 * writers' cores and comparing every key of the view: the target is on it, what a user waits for. Disco's
 * own reducers alone over the same blocks (no verify around them) are in the detail.
 */
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { verify } from '../src/commands/verify.js'
import { Replay } from '../src/consensus/replay.js'
import type { LinearBlock } from '../src/consensus/apply.js'
import { checkWriterCore } from '../src/verify/writer-core.js'
import { readOrder } from '../src/verify/verify-ledger.js'
import { recordOf, sharedLedger } from './fixtures.js'
import { MemoryStore } from '../src/consensus/view-store.js'
import { decodeFrame } from '../src/ledger/codec.js'
import { interleave, median, timed } from './harness.js'
import type { Scenario } from './harness.js'

/** The ledger's blocks in its linearised order, read once into memory. */
async function blocksInOrder (node: DiscoNode): Promise<LinearBlock[]> {
  const snap = node.snapshot()
  try {
    const order = await readOrder(snap)
    const cores = new Map<string, Awaited<ReturnType<typeof checkWriterCore>>>()
    for (const writer of new Set(order.map(o => o.writer))) cores.set(writer, await checkWriterCore(node.base, writer, null))
    return order.map(({ writer, seq }) => {
      const value = cores.get(writer)?.blocks[seq]?.value
      if (value === undefined || value === null) throw new Error(`block ${writer.slice(0, 8)}/${seq} missing`)
      return { from: { key: b4a.from(writer, 'hex') }, length: seq + 1, value }
    })
  } finally {
    await snap.close()
  }
}

/** The raw stack's trivial apply over the same blocks into the same store, in runs of 1,024 blocks. */
async function rawReplay (blocks: LinearBlock[]): Promise<void> {
  const store = new MemoryStore()
  for (let start = 0; start < blocks.length; start += 1024) {
    const changes: Array<[string, Uint8Array]> = []
    for (const block of blocks.slice(start, start + 1024)) {
      let ops
      try { ops = decodeFrame(block.value).ops } catch { continue }
      const id = `${b4a.toString(block.from.key, 'hex')}-${block.length - 1}`
      ops.forEach((op, i) => changes.push([`entry/${'day' in op ? String(op.day) : 'none'}/${id}-${i}`, recordOf(op)]))
      changes.push([`block/${id}`, b4a.from(String(ops.length))])
    }
    await store.write(changes)
  }
}

export const scenario: Scenario = {
  id: 'P6',
  title: 'disco verify: replay of a large ledger',
  baseline: 'a trivial apply (decode, one record-sized put an op) over the same blocks into the same in-memory store',
  async run (opts) {
    const size = opts.quick ? 5_000 : 100_000
    const ledger = await sharedLedger(size)
    const node = await DiscoNode.open({ storage: ledger.storage })
    try {
      const blocks = await blocksInOrder(node)
      let ops = 0
      const replayMs: number[] = []
      const runs = await interleave(opts.quick ? 1 : 3, {
        reducers: async () => {
          const replay = new Replay()
          const { ms } = await timed(async () => await replay.addAll(blocks))
          ops = replay.ops
          return ms
        },
        raw: async () => (await timed(async () => { await rawReplay(blocks) })).ms,
        whole: async () => {
          const { ms, value } = await timed(async () => await verify(node))
          if (!value.ok) throw new Error(`verify failed: ${value.problem ?? ''}`)
          replayMs.push(value.replay.ms)
          return ms
        }
      })
      const { reducers, raw } = runs
      const whole = runs.whole.runs
      const rate = (ms: number): number => Math.round(ops / (ms / 1000))
      const replay = rate(median(replayMs))
      opts.say(`  P6 ${ops.toLocaleString('en')} ops: verify's replay ${replay} ops/s, the reducers alone ${rate(reducers.median)} ops/s, a trivial apply ${rate(raw.median)} ops/s, the whole check ${rate(median(whole))} ops/s`)
      return [
        { metric: `verify's replay of ${ops.toLocaleString('en')} ops`, unit: 'ops/s', disco: replay, baseline: rate(raw.median), target: { none: true }, detail: { replayMs, rawMs: raw.runs, reducersAloneOpsPerSecond: rate(reducers.median), reducersMs: reducers.runs } },
        // the target is on what `disco verify` takes, not on its replay alone
        { metric: 'the whole `disco verify` (cores re-hashed, replay, every key compared)', unit: 'ops/s', disco: rate(median(whole)), baseline: null, target: { atLeast: 20_000 }, detail: { ms: whole } }
      ]
    } finally {
      await node.close()
    }
  }
}
