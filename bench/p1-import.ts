/**
 * P1: bulk import of contributions through the library API (DiscoNode.append, 1,000 ops a call as
 * `disco import` does), until applied; against the raw stack doing the same work (fixtures.ts,
 * rawBase): an encrypted autobase with one writer appending the same ops packed as disco packs
 * them (1,000 a block), its apply putting one record-sized value an op and one key a block.
 * Repetitions of the two sides take turns.
 */
import path from 'node:path'
import Corestore from 'corestore'
import { DiscoNode } from '../src/node/node.js'
import { appendOps, packedBlocks, peakRss, rawBase, removeDir, tempDir, MB } from './fixtures.js'
import { interleave, timed } from './harness.js'
import type { Scenario } from './harness.js'

async function discoRate (dir: string, ops: number): Promise<number> {
  const node = await DiscoNode.create({ storage: path.join(dir, 'disco'), coopName: 'Bench', memberName: 'Ana' })
  try {
    const { ms } = await timed(async () => { await appendOps(node, ops) })
    return ops / (ms / 1000)
  } finally {
    await node.close()
  }
}

async function rawRate (dir: string, ops: number): Promise<number> {
  const store = new Corestore(path.join(dir, 'raw'))
  const base = rawBase(store, null)
  await base.ready()
  try {
    const blocks = packedBlocks(ops)
    const { ms } = await timed(async () => {
      for (const block of blocks) await base.append(block)
      await base.update()
    })
    return ops / (ms / 1000)
  } finally {
    await base.close()
    await store.close()
  }
}

export const scenario: Scenario = {
  id: 'P1',
  title: 'bulk import through the library API, until applied',
  baseline: 'encrypted autobase, 1 writer, hyperbee view, the same packed frames, one record-sized put an op',
  async run (opts) {
    const ops = opts.quick ? 5_000 : 100_000
    const reps = 3
    let discoPeak = 0
    const side = (name: string, fn: (dir: string, ops: number) => Promise<number>) => async (i: number): Promise<number> => {
      const dir = await tempDir('p1')
      const rss = peakRss()
      try {
        const rate = await fn(dir, ops)
        opts.say(`  P1 ${name} ${i + 1}/${reps}: ${Math.round(rate)} ops/s`)
        return rate
      } finally {
        const peak = rss.stop()
        if (name === 'disco') discoPeak = Math.max(discoPeak, peak)
        await removeDir(dir)
      }
    }
    const { disco, raw } = await interleave(reps, { disco: side('disco', discoRate), raw: side('raw', rawRate) })
    return [{
      metric: `import ${ops.toLocaleString('en')} ops`,
      unit: 'ops/s',
      disco: disco.median,
      baseline: raw.median,
      target: { ratioAtLeast: 0.9 },
      detail: { ops, discoRuns: disco.runs, rawRuns: raw.runs, discoPeakRssMB: Math.round(discoPeak / MB) }
    }]
  }
}
