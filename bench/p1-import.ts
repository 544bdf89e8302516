/**
 * P1: bulk import of contributions through the library API (DiscoNode.append, 1,000 ops a call as
 * `disco import` does), until applied; against autobase with one writer, a hyperbee view and a
 * trivial apply (one put an op), appending the same op bytes in batches of 100.
 */
import path from 'node:path'
import Corestore from 'corestore'
import { DiscoNode } from '../src/node/node.js'
import { DISCO_KEYS_LABEL, DISCO_KEYS_PER_OP, appendOps, opBytes, packedBlocks, peakRss, rawBase, rawKeysBase, removeDir, tempDir, MB } from './fixtures.js'
import { repeat, timed } from './harness.js'
import type { Scenario } from './harness.js'

const RAW_BATCH = 100

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
    const { ms } = await timed(async () => {
      for (let i = 0; i < ops; i += RAW_BATCH) {
        await base.append(Array.from({ length: Math.min(RAW_BATCH, ops - i) }, (_, k) => opBytes(i + k)))
      }
      await base.update()
    })
    return ops / (ms / 1000)
  } finally {
    await base.close()
  }
}

/** The raw stack at disco's keys an op (packed frames, one append a block): what it allows. */
async function rawKeysRate (dir: string, ops: number): Promise<number> {
  const store = new Corestore(path.join(dir, 'raw-keys'))
  const base = rawKeysBase(store, DISCO_KEYS_PER_OP)
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
  }
}

export const scenario: Scenario = {
  id: 'P1',
  title: 'bulk import through the library API, until applied',
  baseline: `autobase, 1 writer, hyperbee view, one put an op, same op bytes, batches of ${RAW_BATCH}`,
  async run (opts) {
    const ops = opts.quick ? 5_000 : 100_000
    const reps = 3
    const rss = peakRss()
    const disco = await repeat(reps, async i => {
      const dir = await tempDir('p1')
      try {
        const rate = await discoRate(dir, ops)
        opts.say(`  P1 disco ${i + 1}/${reps}: ${Math.round(rate)} ops/s`)
        return rate
      } finally { await removeDir(dir) }
    })
    const discoPeak = rss.stop()
    const raw = await repeat(reps, async i => {
      const dir = await tempDir('p1')
      try {
        const rate = await rawRate(dir, ops)
        opts.say(`  P1 raw ${i + 1}/${reps}: ${Math.round(rate)} ops/s`)
        return rate
      } finally { await removeDir(dir) }
    })
    const keys = await repeat(reps, async i => {
      const dir = await tempDir('p1')
      try {
        const rate = await rawKeysRate(dir, ops)
        opts.say(`  P1 raw, ${DISCO_KEYS_LABEL} an op ${i + 1}/${reps}: ${Math.round(rate)} ops/s`)
        return rate
      } finally { await removeDir(dir) }
    })
    return [{
      metric: `import ${ops.toLocaleString('en')} ops`,
      unit: 'ops/s',
      disco: disco.median,
      baseline: raw.median,
      target: { ratioAtLeast: 1 },
      detail: { ops, discoRuns: disco.runs, rawRuns: raw.runs, discoPeakRssMB: Math.round(discoPeak / MB) }
    }, {
      // not the baseline: the proof of where the time goes (README, "Performance")
      metric: `… against the raw stack writing ${DISCO_KEYS_LABEL} an op, packed`,
      unit: 'ops/s',
      disco: disco.median,
      baseline: keys.median,
      target: { none: true },
      detail: { runs: keys.runs }
    }]
  }
}
