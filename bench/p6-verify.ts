/**
 * P6: `disco verify` on a ledger of 100,000 ops. The baseline is the pure reducers alone: the
 * same blocks, already in memory, replayed through apply into a MemoryStore. Verify's own replay
 * phase is the same work (the target is on it); the whole check adds reading and re-hashing the
 * writers' cores and comparing every key of the view, reported beside it.
 */
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { verify } from '../src/commands/verify.js'
import { Replay } from '../src/consensus/replay.js'
import type { LinearBlock } from '../src/consensus/apply.js'
import { checkWriterCore } from '../src/verify/writer-core.js'
import { readOrder } from '../src/verify/verify-ledger.js'
import { sharedLedger } from './fixtures.js'
import { median, repeat, timed } from './harness.js'
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

export const scenario: Scenario = {
  id: 'P6',
  title: 'disco verify: replay of a large ledger',
  baseline: 'the reducers alone over the same blocks in memory',
  async run (opts) {
    const size = opts.quick ? 5_000 : 100_000
    const ledger = await sharedLedger(size)
    const node = await DiscoNode.open({ storage: ledger.storage })
    try {
      const blocks = await blocksInOrder(node)
      let ops = 0
      const reducers = await repeat(3, async () => {
        const replay = new Replay()
        const { ms } = await timed(async () => await replay.addAll(blocks))
        ops = replay.ops
        return ms
      })
      const whole: number[] = []
      const replayMs: number[] = []
      for (let r = 0; r < (opts.quick ? 1 : 3); r++) {
        const { ms, value } = await timed(async () => await verify(node))
        if (!value.ok) throw new Error(`verify failed: ${value.problem ?? ''}`)
        whole.push(Math.round(ms))
        replayMs.push(value.replay.ms)
      }
      const rate = (ms: number): number => Math.round(ops / (ms / 1000))
      const replay = rate(median(replayMs))
      opts.say(`  P6 ${ops.toLocaleString('en')} ops: verify's replay ${replay} ops/s, the reducers alone ${rate(reducers.median)} ops/s, the whole check ${rate(median(whole))} ops/s`)
      return [
        { metric: `verify's replay of ${ops.toLocaleString('en')} ops`, unit: 'ops/s', disco: replay, baseline: rate(reducers.median), target: { atLeast: 20_000 }, detail: { replayMs, reducersMs: reducers.runs } },
        { metric: '… the whole check (cores re-hashed, replay, every key compared)', unit: 'ops/s', disco: rate(median(whole)), baseline: null, target: { none: true }, detail: { ms: whole } }
      ]
    } finally {
      await node.close()
    }
  }
}
