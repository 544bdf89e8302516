import type Hyperbee from 'hyperbee'
import type { BeeBatch } from 'hyperbee'
import { pendingBlocks, warmBeeCaches } from '../stack/bee-caches.js'

type Value = Uint8Array | null

/**
 * How many of the blocks a write appends go into the bee's node cache after it (bee-caches.ts,
 * warmBeeCaches): the next apply's reads start from the tree's root and upper nodes, which the
 * last blocks written hold. A block of many ops writes thousands of blocks (an import); the rest
 * of them are read back only if a later op reaches them.
 */
const WARMED_BLOCKS = 256

/**
 * Where a ViewTx reads the view from and writes a batch to. Apply runs on the node's hyperbee
 * (BeeStore); `disco verify` replays the same reducers into memory (MemoryStore), so that a replay
 * needs no autobase and no storage, and the two can only differ if the view does.
 */
export interface ViewStore {
  get: (key: string) => Promise<Value>
  /** every key in [gte, lt) with its value, in key order */
  range: (gte: string, lt: string) => Promise<Array<[string, Uint8Array]>>
  /** the same, one at a time as read: for ranges too large to hold (a month's entries) */
  each: (gte: string, lt: string) => AsyncIterable<[string, Uint8Array]>
  /** write one batch (null deletes); in key order when `ordered` */
  write: (changes: Array<[string, Value]>) => Promise<void>
  /** whether the store needs a batch's changes in key order (a bee's bytes depend on it) */
  readonly ordered: boolean
}

export class BeeStore implements ViewStore {
  readonly ordered = true
  /**
   * One batch of the bee for the whole apply: its reads, then its writes. `bee.get` opens and
   * closes a snapshot session of the core for every key, which cost more than the read itself
   * (bench P1: 16 reads a block, a tenth of apply). Apply is the only writer of its bee and
   * nothing truncates it while apply runs, so reading the core itself sees what a snapshot would.
   */
  private batch: BeeBatch | null = null

  constructor (private readonly bee: Hyperbee) {}

  private open (): BeeBatch {
    this.batch ??= this.bee.batch({ update: false })
    return this.batch
  }

  async get (key: string): Promise<Value> {
    const node = await this.open().get(key)
    return node === null ? null : node.value
  }

  async range (gte: string, lt: string): Promise<Array<[string, Uint8Array]>> {
    const out: Array<[string, Uint8Array]> = []
    for await (const pair of this.each(gte, lt)) out.push(pair)
    return out
  }

  async * each (gte: string, lt: string): AsyncGenerator<[string, Uint8Array]> {
    for await (const node of this.open().createReadStream({ gte, lt })) yield [node.key, node.value]
  }

  async write (changes: Array<[string, Value]>): Promise<void> {
    const batch = this.open()
    for (const [key, value] of changes) {
      if (value === null) await batch.del(key)
      else await batch.put(key, value)
    }
    const written = pendingBlocks(batch, WARMED_BLOCKS)
    await batch.flush()
    this.batch = null
    if (written !== null) warmBeeCaches(this.bee, written)
  }

  /** Let go of the batch when no flush did (nothing written, or a write that failed). */
  async close (): Promise<void> {
    const batch = this.batch
    this.batch = null
    await batch?.close()
  }
}

export class MemoryStore implements ViewStore {
  readonly ordered = false
  readonly map = new Map<string, Uint8Array>()

  async get (key: string): Promise<Value> {
    return this.map.get(key) ?? null
  }

  /** A scan of every key: ranges are read only by the rare ops that need one (a distribution). */
  async range (gte: string, lt: string): Promise<Array<[string, Uint8Array]>> {
    const out: Array<[string, Uint8Array]> = []
    for (const [key, value] of this.map) if (key >= gte && key < lt) out.push([key, value])
    return out.sort(byKey)
  }

  async * each (gte: string, lt: string): AsyncGenerator<[string, Uint8Array]> {
    yield * await this.range(gte, lt)
  }

  async write (changes: Array<[string, Value]>): Promise<void> {
    for (const [key, value] of changes) {
      if (value === null) this.map.delete(key)
      else this.map.set(key, value)
    }
  }

  /** every key and value, in the view's (byte-wise) key order */
  sorted (): Array<[string, Uint8Array]> {
    return [...this.map].sort(byKey)
  }
}

function byKey (a: [string, Uint8Array], b: [string, Uint8Array]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
