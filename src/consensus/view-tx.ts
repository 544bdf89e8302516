import b4a from 'b4a'
import { canonicalBytes, parseJson } from './canonical-json.js'
import { DigestSum } from './digest.js'
import { DIGEST_KEY } from './view-layout.js'
import type { ViewStore } from './view-store.js'

type Value = Uint8Array | null

/**
 * One apply batch's writes to the view. Reads go through a cache that holds this batch's writes,
 * so ops later in the batch see earlier ones; writes stay in memory until `flush`, so a key
 * written by many ops (a balance) reaches the store once. `flush` also advances the digest by the
 * difference between each key's value before the batch and after it.
 *
 * `begin`/`rollback` bracket one op: if a check fails half-way through an op's effects, rollback
 * restores every key it touched, so a rejected op changes nothing but its rejection record.
 */
export class ViewTx {
  private readonly store: ViewStore
  /** current value of every key read or written in this batch */
  private readonly cache = new Map<string, Value>()
  /** value before this batch, of every key written in it */
  private readonly before = new Map<string, Value>()
  /** value before the current op, of every key the op wrote */
  private undo: Map<string, Value> | null = null

  constructor (store: ViewStore) {
    this.store = store
  }

  async getBytes (key: string): Promise<Value> {
    if (this.cache.has(key)) return this.cache.get(key) ?? null
    const value = await this.store.get(key)
    this.cache.set(key, value)
    return value
  }

  async get<T> (key: string): Promise<T | null> {
    const bytes = await this.getBytes(key)
    return bytes === null ? null : parseJson<T>(bytes)
  }

  /**
   * Every key in [gte, lt) with its value, in key order: the store as it was before this batch,
   * overlaid with the batch's writes. For the rare ops that read a range (a distribution).
   */
  async range (gte: string, lt: string): Promise<Array<[string, Uint8Array]>> {
    const merged = new Map<string, Value>()
    for (const [key, value] of await this.store.range(gte, lt)) merged.set(key, value)
    for (const [key, value] of this.cache) if (key >= gte && key < lt) merged.set(key, value)
    const out: Array<[string, Uint8Array]> = []
    for (const [key, value] of merged) if (value !== null) out.push([key, value])
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  }

  async rangeJson<T> (gte: string, lt: string): Promise<Array<[string, T]>> {
    return (await this.range(gte, lt)).map(([k, v]) => [k, parseJson<T>(v)])
  }

  async put (key: string, value: unknown): Promise<void> {
    await this.write(key, canonicalBytes(value))
  }

  async del (key: string): Promise<void> {
    await this.write(key, null)
  }

  /**
   * Write a key that cannot exist yet (its name holds a fresh op id), skipping the read of its
   * old value. A wrong use shows up as a digest that differs from a full scan, which the tests check.
   */
  putNew (key: string, value: unknown): void {
    this.record(key, null)
    this.cache.set(key, canonicalBytes(value))
  }

  private async write (key: string, value: Value): Promise<void> {
    const old = await this.getBytes(key)
    this.record(key, old)
    this.cache.set(key, value)
  }

  private record (key: string, old: Value): void {
    if (!this.before.has(key)) this.before.set(key, old)
    if (this.undo !== null && !this.undo.has(key)) this.undo.set(key, old)
  }

  begin (): void {
    this.undo = new Map()
  }

  commit (): void {
    this.undo = null
  }

  rollback (): void {
    if (this.undo === null) return
    for (const [key, old] of this.undo) this.cache.set(key, old)
    this.undo = null
  }

  async flush (): Promise<void> {
    if (this.before.size === 0) return
    const stored = await this.store.get(DIGEST_KEY)
    const digest = stored === null ? new DigestSum() : DigestSum.fromHex(b4a.toString(stored))
    const changes: Array<[string, Value]> = []
    // sorted for a bee: its write order (and so its bytes) must not depend on Map insertion quirks
    const written = [...this.before.keys()]
    for (const key of this.store.ordered ? written.sort() : written) {
      const old = this.before.get(key) ?? null
      const now = this.cache.get(key) ?? null
      if (old === null && now === null) continue
      if (old !== null && now !== null && b4a.equals(old, now)) continue
      if (old !== null) digest.remove(key, old)
      if (now !== null) digest.add(key, now)
      changes.push([key, now])
    }
    changes.push([DIGEST_KEY, b4a.from(digest.hex())])
    await this.store.write(changes)
    this.before.clear()
  }
}
