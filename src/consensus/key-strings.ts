/**
 * View keys made once and handed out again: the same text as the same string object.
 *
 * Apply looks keys up in its batch's maps (view-tx.ts) many times an op: the author's device and
 * member, the balances an entry adds to, the statements of its month. A Map finds a string key by
 * its hash, which V8 computes once per string object and keeps; a key built afresh for every
 * lookup (a template literal) is hashed afresh each time, and for a 70-character key that costs
 * more than the lookup itself (bench P1: a seventh of apply's own work). The parts a key is made
 * from are short or are themselves reused objects (a writer's hex, a member id read from the
 * view), so finding the made key by its parts is cheap.
 *
 * Only the string objects are shared: the text is what the key function makes, so nothing a
 * node computes depends on this cache. It forgets everything past MAX_KEPT keys, so it stays small
 * however many members and months a ledger holds.
 */
const MAX_KEPT = 16_384

type Level = Map<string, string | Level>

export function reusedKey1 (make: (a: string) => string): (a: string) => string {
  const made = new Map<string, string>()
  return (a) => {
    let key = made.get(a)
    if (key === undefined) {
      if (made.size >= MAX_KEPT) made.clear()
      key = make(a)
      made.set(a, key)
    }
    return key
  }
}

export function reusedKey3 (make: (a: string, b: string, c: string) => string): (a: string, b: string, c: string) => string {
  let made: Level = new Map()
  let kept = 0
  return (a, b, c) => {
    let inA = made.get(a) as Level | undefined
    let inB = inA?.get(b) as Level | undefined
    let key = inB?.get(c) as string | undefined
    if (key === undefined) {
      if (kept >= MAX_KEPT) { made = new Map(); kept = 0; inA = undefined; inB = undefined }
      if (inA === undefined) made.set(a, inA = new Map())
      if (inB === undefined) inA.set(b, inB = new Map())
      key = make(a, b, c)
      inB.set(c, key)
      kept++
    }
    return key
  }
}
