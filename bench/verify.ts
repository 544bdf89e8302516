/**
 * `disco verify`'s replay rate on a ledger of many ops, against the pure reducers alone: the same
 * blocks, already in memory, replayed through apply into a MemoryStore. Verify adds reading and
 * re-hashing the writers' cores and comparing the whole view.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import b4a from 'b4a'
import { DiscoNode } from '../src/node.js'
import { verify } from '../src/commands/verify.js'
import { Replay } from '../src/consensus/replay.js'
import type { LinearBlock, OrderRecord } from '../src/consensus/apply.js'
import { parseJson } from '../src/consensus/canonical-json.js'
import { keys } from '../src/consensus/view-layout.js'
import { checkWriterCore } from '../src/verify/writer-core.js'
import type { ContributionOp, Op } from '../src/ledger/ops.js'

const STREAMS = ['livelihood', 'love', 'care'] as const

function entry (i: number): ContributionOp {
  const stream = STREAMS[i % 3] as ContributionOp['stream']
  return {
    type: 'contribution',
    stream,
    minutes: 15 + (i % 240),
    day: 20_400 + (i % 400), // thirteen months or so
    description: `task ${i}`,
    project: `project ${i % 7}`,
    tags: [],
    client: stream === 'livelihood' ? 'Acme' : '',
    commons: stream === 'love' ? 'zine' : '',
    careFor: stream === 'care' ? 'collective' : null,
    money: stream === 'livelihood' && i % 5 === 0 ? { amount: 1000 + i, currency: 'EUR' } : null,
    key: ''
  }
}

/** A founder's ledger of `ops` ops, appended 1,000 at a time (packed into blocks by the node). */
async function buildLedger (storage: string, ops: number): Promise<DiscoNode> {
  const node = await DiscoNode.create({ storage, coopName: 'Bench', memberName: 'Ana' })
  for (let done = 1; done < ops; done += 1000) {
    await node.append(Array.from({ length: Math.min(1000, ops - done) }, (_, i): Op => entry(done + i)))
  }
  return node
}

async function inMemoryBlocks (node: DiscoNode): Promise<LinearBlock[]> {
  const snap = node.snapshot()
  try {
    const order: OrderRecord[] = []
    for await (const { value } of snap.createReadStream(keys.orders)) order.push(parseJson<OrderRecord>(value))
    const cores = new Map<string, Awaited<ReturnType<typeof checkWriterCore>>>()
    for (const writer of new Set(order.map(o => o.writer))) cores.set(writer, await checkWriterCore(node.base, writer, null))
    return order.map(({ writer, seq }) => ({ from: { key: b4a.from(writer, 'hex') }, length: seq + 1, value: cores.get(writer)?.blocks[seq]?.value as Uint8Array }))
  } finally {
    await snap.close()
  }
}

export interface VerifyBench {
  ops: number
  /** the reducers alone over blocks in memory (median of the runs) */
  reducers: { ms: number, opsPerSec: number }
  /** disco verify: its replay phase, and the whole check */
  verify: { ms: number, replayMs: number, replayOpsPerSec: number, opsPerSec: number, ok: boolean }
}

export async function verifyBench (ops: number, runs = 3): Promise<VerifyBench> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-bench-verify-'))
  try {
    const node = await buildLedger(path.join(dir, 'node'), ops)
    const blocks = await inMemoryBlocks(node)
    const times: number[] = []
    for (let r = 0; r < runs; r++) {
      const replay = new Replay()
      const start = performance.now()
      for (let i = 0; i < blocks.length; i += 1024) await replay.add(blocks.slice(i, i + 1024))
      times.push(performance.now() - start)
    }
    const reducersMs = median(times)
    const start = performance.now()
    const report = await verify(node)
    const verifyMs = performance.now() - start
    await node.close()
    const rate = (ms: number): number => Math.round(report.ops / (ms / 1000))
    return {
      ops: report.ops,
      reducers: { ms: Math.round(reducersMs), opsPerSec: rate(reducersMs) },
      verify: { ms: Math.round(verifyMs), replayMs: report.replay.ms, replayOpsPerSec: report.replay.opsPerSecond, opsPerSec: rate(verifyMs), ok: report.ok }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(JSON.stringify(await verifyBench(Number(process.argv[2] ?? 100_000)), null, 2))
}
