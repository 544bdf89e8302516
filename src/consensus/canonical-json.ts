import b4a from 'b4a'

/**
 * View values are JSON with object keys sorted, so that the same logical value has the same
 * bytes whatever order its fields were set in: the digest hashes bytes.
 */
export function canonicalBytes (value: unknown): Uint8Array {
  return b4a.from(JSON.stringify(sortKeys(value)))
}

/** The value with every object's keys in order and undefined fields left out: the value itself
 * when it already is so (the common case: records built in key order), to spare a copy. */
function sortKeys (value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let out: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      const sorted = sortKeys(v)
      if (sorted !== v) (out ??= value.slice())[i] = sorted
    }
    return out ?? value
  }
  const record = value as Record<string, unknown>
  // `for in` walks the keys in the order Object.keys gives them (a plain object inherits none),
  // without making an array of them: most values are checked here and found in order (bench P1)
  let previous: string | null = null
  let ordered = true
  for (const key in record) {
    const v = record[key]
    if (v === undefined || (previous !== null && previous >= key) || sortKeys(v) !== v) { ordered = false; break }
    previous = key
  }
  if (ordered) return value
  const keys = Object.keys(record)
  const out: Record<string, unknown> = {}
  for (const k of keys.sort()) {
    const v = record[k]
    if (v !== undefined) out[k] = sortKeys(v)
  }
  return out
}

export function parseJson<T> (bytes: Uint8Array): T {
  return JSON.parse(b4a.toString(bytes)) as T
}
