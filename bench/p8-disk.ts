/**
 * P8: disk per op: the storage folder of a ledger of n contributions (one member, closed), at a
 * tenth of the size and at the full size, and the trend between them; against the raw stack doing
 * the same work (an encrypted autobase, the same packed frames, one record-sized value an op).
 */
import path from 'node:path'
import Corestore from 'corestore'
import { buildLedger, diskBytes, packedBlocks, rawBase, removeDir, sharedLedger, tempDir } from './fixtures.js'
import type { Scenario } from './harness.js'

/** the raw stack doing the same work (fixtures.ts, rawBase: the same packed frames, encrypted, one
 * record-sized value an op): its folder per op, closed */
async function rawBytes (dir: string, ops: number): Promise<number> {
  const folder = path.join(dir, `raw-${ops}`)
  const store = new Corestore(folder)
  const base = rawBase(store, null)
  await base.ready()
  for (const block of packedBlocks(ops)) await base.append(block)
  await base.update()
  await base.close()
  await store.close()
  return await diskBytes(folder)
}

export const scenario: Scenario = {
  id: 'P8',
  title: 'disk per op, and its trend',
  baseline: 'encrypted autobase, the same packed frames, one record-sized value an op',
  async run (opts) {
    const large = opts.quick ? 5_000 : 100_000
    const small = large / 10
    const dir = await tempDir('p8')
    try {
      const smallStorage = path.join(dir, 'small')
      await buildLedger(smallStorage, small)
      const discoSmall = await diskBytes(smallStorage) / small
      const discoLarge = await diskBytes((await sharedLedger(large)).storage) / large
      const rawSmall = await rawBytes(dir, small) / small
      const rawLarge = await rawBytes(dir, large) / large
      opts.say(`  P8 disco ${Math.round(discoSmall)} → ${Math.round(discoLarge)} B/op, raw ${Math.round(rawSmall)} → ${Math.round(rawLarge)} B/op`)
      return [
        { metric: `disk per op at ${small.toLocaleString('en')} ops`, unit: 'B', disco: discoSmall, baseline: rawSmall, target: { atMost: 1024 } },
        { metric: `disk per op at ${large.toLocaleString('en')} ops`, unit: 'B', disco: discoLarge, baseline: rawLarge, target: { atMost: 1024 } },
        { metric: `per-op growth ${small.toLocaleString('en')} → ${large.toLocaleString('en')} (≤ 1: linear)`, unit: '×', disco: discoLarge / discoSmall, baseline: rawLarge / rawSmall, target: { atMost: 1.1 } }
      ]
    } finally {
      await removeDir(dir)
    }
  }
}
