import b4a from 'b4a'
import { canonicalBytes, parseJson } from './canonical-json.js'
import { DigestSum } from './digest.js'
import { HEAD_KEY } from './view-layout.js'
import { headBody, headBytes } from './view-head.js'
import type { HeadRecord } from './view-head.js'
import type { ViewStore } from './view-store.js'

type Value = Uint8Array | null

/**
 * A key's value in this batch, as bytes, as the JSON it stands for, or both: each is made from
 * the other when first asked for, so that a value written by many ops (a balance) is serialised
 * once, at flush, and a value read by many (the author's member record) is parsed once.
 * `null` in both: the key is absent.
 */
interface Slot {
  bytes?: Value
  json?: unknown
}

const ABSENT: Slot = Object.freeze({ bytes: null, json: null })

function bytesOf (slot: Slot): Value {
  if (slot.bytes === undefined) slot.bytes = slot.json === null ? null : canonicalBytes(slot.json)
  return slot.bytes
}

function jsonOf (slot: Slot): unknown {
  if (slot.json === undefined) slot.json = slot.bytes === null || slot.bytes === undefined ? null : deepFreeze(parseJson(slot.bytes))
  return slot.json
}

/**
 * Values are shared between the ops of a batch (one op's write is the next one's read), so none
 * may be changed in place: frozen, a change is a TypeError in the tests instead of a view that
 * depends on where autobase cut its batches.
 */
function deepFreeze<T> (value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    // an index loop for arrays: `for in` walks an array's indexes as strings, many times slower
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i])
    else for (const k in value) deepFreeze(value[k])
  }
  return value
}

/**
 * One apply batch's writes to the view. Reads go through a cache that holds this batch's writes,
 * so ops later in the batch see earlier ones; writes stay in memory until `flush`, so a key
 * written by many ops (a balance) reaches the store once. `flush` also advances the digest by the
 * difference between each key's value before the batch and after it.
 *
 * `begin`/`rollback` bracket one op: if a check fails half-way through an op's effects, rollback
 * restores every key it touched, so a rejected op changes nothing but its rejection record.
 *
 * What `get` returns and what `put` was given are frozen: make a new object to change one.
 */
export class ViewTx {
  private readonly store: ViewStore
  /** current value of every key read or written in this batch */
  private readonly cache = new Map<string, Slot>()
  /** value before this batch, of every key written in it */
  private readonly before = new Map<string, Slot>()
  /** whether an op is under way (between begin and commit or rollback) */
  private inOp = false
  /** value before the current op, of every key the op wrote (one map, cleared, for every op) */
  private readonly undo = new Map<string, Slot>()
  /** what else the current op changed outside the view's keys, undone on rollback (newest last) */
  private readonly undoHooks: Array<() => void> = []

  constructor (store: ViewStore) {
    this.store = store
  }

  private async slot (key: string): Promise<Slot> {
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const bytes = await this.store.get(key)
    const slot = bytes === null ? ABSENT : { bytes }
    this.cache.set(key, slot)
    return slot
  }

  /**
   * A key's value if this batch holds it already (read or written before), without waiting: null
   * when it holds the key as absent, undefined when the key must be read from the store (`get`).
   * The fast path of the ops a bulk import is made of: most of what an op reads, an op before it
   * in the batch read too, and an async step costs more than the read (bench P1).
   */
  held<T> (key: string): T | null | undefined {
    const cached = this.cache.get(key)
    return cached === undefined ? undefined : jsonOf(cached) as T | null
  }

  /** `get` without waiting when the batch holds the key (`held`): the value now, or a promise of it. */
  read<T> (key: string): T | null | Promise<T | null> {
    const held = this.held<T>(key)
    return held === undefined ? this.get<T>(key) : held
  }

  /**
   * `put` (or, with null, `del`) without waiting, for a key this batch holds (`held` gave a value
   * or null): there is no old value to read first. Throws for any other key: a bug.
   */
  setHeld (key: string, value: unknown): void {
    const old = this.cache.get(key)
    if (old === undefined) throw new Error(`setHeld: the batch does not hold ${key}`)
    this.record(key, old)
    this.cache.set(key, value === null ? ABSENT : { json: deepFreeze(value) })
  }

  /**
   * Replace a key's value with `next` of it (null: no key), without waiting when the batch holds
   * the key (`held`), so returning undefined rather than a promise; otherwise the key is read
   * first. What `next` throws is thrown before the key is written.
   */
  update<T> (key: string, next: (value: T | null) => T | null): Promise<void> | undefined {
    const held = this.held<T>(key)
    if (held === undefined) return this.readAndUpdate(key, next)
    this.setHeld(key, next(held))
    return undefined
  }

  private async readAndUpdate<T> (key: string, next: (value: T | null) => T | null): Promise<void> {
    const value = next(await this.get<T>(key))
    if (value === null) await this.del(key)
    else await this.put(key, value)
  }

  async get<T> (key: string): Promise<T | null> {
    // a key this batch has read or written already (most reads): no second await
    const cached = this.cache.get(key)
    return jsonOf(cached ?? await this.slot(key)) as T | null
  }

  /**
   * Every key in [gte, lt) with its value, in key order: the store as it was before this batch,
   * overlaid with the batch's writes. For the rare ops that read a range (a distribution).
   */
  private async rangeSlots (gte: string, lt: string): Promise<Array<[string, Slot]>> {
    const merged = new Map<string, Slot>()
    for (const [key, bytes] of await this.store.range(gte, lt)) merged.set(key, { bytes })
    for (const [key, slot] of this.cache) if (key >= gte && key < lt) merged.set(key, slot)
    const out: Array<[string, Slot]> = []
    for (const [key, slot] of merged) if (bytesOf(slot) !== null) out.push([key, slot])
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  }

  async range (gte: string, lt: string): Promise<Array<[string, Uint8Array]>> {
    return (await this.rangeSlots(gte, lt)).map(([k, slot]) => [k, bytesOf(slot) as Uint8Array])
  }

  async rangeJson<T> (gte: string, lt: string): Promise<Array<[string, T]>> {
    return (await this.rangeSlots(gte, lt)).map(([k, slot]) => [k, jsonOf(slot) as T])
  }

  /**
   * Every key in [gte, lt) with its value as JSON, as `rangeJson` gives them but one at a time and
   * in no promised order (the store's keys as read, then the keys this batch wrote): for a range
   * too large to hold, read by code whose result does not depend on the order (a month's credits,
   * integer sums). Values read from the store are parsed, not frozen: nothing else holds them.
   */
  async eachJson<T> (gte: string, lt: string, fn: (key: string, value: T) => void): Promise<void> {
    for await (const [key, bytes] of this.store.each(gte, lt)) {
      if (this.cache.has(key)) continue // written (or deleted) in this batch: below
      fn(key, parseJson(bytes) as T)
    }
    for (const [key, slot] of this.cache) {
      if (key < gte || key >= lt) continue
      const value = jsonOf(slot)
      if (value !== null) fn(key, value as T)
    }
  }

  async put (key: string, value: unknown): Promise<void> {
    await this.write(key, { json: deepFreeze(value) })
  }

  async del (key: string): Promise<void> {
    await this.write(key, ABSENT)
  }

  /**
   * Write a key that cannot exist yet (its name holds a fresh op id), skipping the read of its
   * old value. A wrong use shows up as a digest that differs from a full scan, which the tests check.
   * Its bytes are made now, not at flush: such a value (an entry's record) is rarely read again in
   * its batch, and bytes held until the flush cost the collector less than the object they come
   * from (bench P1: a thousand records a block); a read parses them.
   */
  putNew (key: string, value: unknown): void {
    this.record(key, ABSENT)
    this.cache.set(key, { bytes: canonicalBytes(value) })
  }

  private async write (key: string, slot: Slot): Promise<void> {
    const old = this.cache.get(key) ?? await this.slot(key)
    this.record(key, old)
    this.cache.set(key, slot)
  }

  private record (key: string, old: Slot): void {
    if (!this.before.has(key)) this.before.set(key, old)
    if (this.inOp && !this.undo.has(key)) this.undo.set(key, old)
  }

  begin (): void {
    this.inOp = true
    this.forgetUndo()
  }

  commit (): void {
    this.inOp = false
    this.forgetUndo()
  }

  /** Empty the undo records; a Map's clear allocates a new table even when the map is empty, and
   * this runs twice an op (bench P1). */
  private forgetUndo (): void {
    if (this.undo.size > 0) this.undo.clear()
    if (this.undoHooks.length > 0) this.undoHooks.length = 0
  }

  /** Undo `fn`'s change if the current op rolls back (outside an op there is nothing to undo). */
  onRollback (fn: () => void): void {
    if (this.inOp) this.undoHooks.push(fn)
  }

  rollback (): void {
    if (!this.inOp) return
    for (const [key, old] of this.undo) this.cache.set(key, old)
    for (let i = this.undoHooks.length - 1; i >= 0; i--) (this.undoHooks[i] as () => void)()
    this.commit()
  }

  /**
   * Write the batch, and the digest with it: the digest lives in the view's head (view-head.ts)
   * and covers the head without its own field, so the head is written with every flush, its
   * body hashed as it was before the batch and as it is after.
   */
  async flush (): Promise<void> {
    if (this.before.size === 0) return
    const headNow = jsonOf(this.cache.get(HEAD_KEY) ?? await this.slot(HEAD_KEY)) as HeadRecord | null
    const headThen = this.before.has(HEAD_KEY) ? jsonOf(this.before.get(HEAD_KEY) as Slot) as HeadRecord | null : headNow
    const stored = headThen?.digest
    // a head of another shape (a view no honest apply wrote) starts the sum afresh, as garbage did before
    const digest = typeof stored === 'string' ? DigestSum.fromHex(stored) : new DigestSum()
    const changes: Array<[string, Value]> = []
    for (const key of this.before.keys()) {
      if (key === HEAD_KEY) continue
      const old = bytesOf(this.before.get(key) ?? ABSENT)
      const now = bytesOf(this.cache.get(key) ?? ABSENT)
      if (old === null && now === null) continue
      if (old !== null && now !== null && b4a.equals(old, now)) continue
      if (old !== null) digest.remove(key, old)
      if (now !== null) digest.add(key, now)
      changes.push([key, now])
    }
    if (headThen !== null) digest.remove(HEAD_KEY, headBody(headThen))
    digest.add(HEAD_KEY, headBody(headNow))
    const head = headBytes(headNow, digest.hex())
    changes.push([HEAD_KEY, head])
    this.cache.set(HEAD_KEY, { bytes: head })
    // sorted for a bee: its write order (and so its bytes) must not depend on Map insertion quirks
    if (this.store.ordered) changes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    await this.store.write(changes)
    this.before.clear()
  }
}
