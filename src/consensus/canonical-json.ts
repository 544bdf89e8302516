import b4a from 'b4a'

/**
 * View values are JSON with object keys sorted, so that the same logical value has the same
 * bytes whatever order its fields were set in: the digest hashes bytes.
 */
export function canonicalBytes (value: unknown): Uint8Array {
  return b4a.from(JSON.stringify(sortKeys(value)))
}

function sortKeys (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = sortKeys(v)
    }
    return out
  }
  return value
}

export function parseJson<T> (bytes: Uint8Array): T {
  return JSON.parse(b4a.toString(bytes)) as T
}
