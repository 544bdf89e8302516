/**
 * P16: what the durable record of the acknowledged length costs an append (src/acked-length.ts:
 * one write and one fdatasync of a small file after each flush of the append queue, before the
 * caller hears "logged"). Interleaved in one run, on one node: an append of one op through
 * `DiscoNode.append` (validation, a frame, autobase's append, the record) against the same frame
 * appended to autobase directly (no record); and the record's write and sync alone, in a folder
 * of its own on the same disk. Appends made together share one flush and so one record: a burst
 * of 100 concurrent one-op appends is measured too, with the records it wrote.
 */
import path from 'node:path'
import { DiscoNode } from '../src/node/node.js'
import { AckedLengthRecord } from '../src/node/acked-length.js'
import { encodeFrame } from '../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import { contribution, removeDir, tempDir } from './fixtures.js'
import { median, timed } from './harness.js'
import type { Scenario } from './harness.js'

export const scenario: Scenario = {
  id: 'P16',
  title: 'the acknowledged length on disk: its cost on an append',
  baseline: 'the same frame appended to autobase directly, with no record',
  async run (opts) {
    const rounds = opts.quick ? 40 : 200
    const dir = await tempDir('p11')
    const node = await DiscoNode.create({ storage: path.join(dir, 'node'), coopName: 'Bench', memberName: 'Ana' })
    const record = await AckedLengthRecord.open(dir, 'ab'.repeat(32), 0)
    try {
      const withRecord: number[] = []
      const direct: number[] = []
      const alone: number[] = []
      for (let i = 0; i < rounds; i++) {
        withRecord.push((await timed(async () => await node.append([contribution(2 * i)]))).ms)
        const frame = encodeFrame({ version: PROTOCOL_VERSION, time: Date.now(), ops: [contribution(2 * i + 1)] })
        direct.push((await timed(async () => await node.base.append([frame]))).ms)
        alone.push((await timed(async () => { await record.record(i + 1) })).ms)
      }
      const before = node.ownLog.acked
      const burst = await timed(async () => await Promise.all(Array.from({ length: 100 }, async (_, k) => await node.append([contribution(10_000 + k)]))))
      const blocks = node.ownLog.acked - before
      const disco = median(withRecord)
      const raw = median(direct)
      const sync = median(alone)
      opts.say(`  P16 append ${disco.toFixed(2)} ms (direct ${raw.toFixed(2)} ms), the record alone ${sync.toFixed(2)} ms; 100 concurrent appends: ${blocks} block(s), ${burst.ms.toFixed(0)} ms`)
      return [
        { metric: 'one-op append, median', unit: 'ms', disco, baseline: raw, target: { none: true }, detail: { rounds } },
        { metric: '… of which the record (its write and sync alone)', unit: 'ms', disco: sync, baseline: null, target: { none: true } },
        { metric: '100 concurrent one-op appends: blocks (and so records) written', unit: '', disco: blocks, baseline: null, target: { none: true }, detail: { ms: burst.ms } }
      ]
    } finally {
      await record.close()
      await node.close()
      await removeDir(dir)
    }
  }
}
