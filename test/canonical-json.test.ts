import t from 'tap'
import b4a from 'b4a'
import fc from 'fast-check'
import { holds } from './helpers/seeds.js'
import { canonicalBytes } from '../src/consensus/canonical-json.js'

/** What canonical JSON means, written the plain way: every object copied with its keys sorted. */
function reference (value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted)
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k]
        if (x !== undefined) out[k] = sorted(x)
      }
      return out
    }
    return v
  }
  return JSON.stringify(sorted(value))
}

// keys that sort differently as strings and as array indexes, and values that JSON leaves out
const key = fc.oneof(fc.constantFrom('a', 'b', 'B', '_', '1', '2', '10', 'é', ''), fc.string({ maxLength: 4 }))
const json = fc.letrec(tie => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 })
})).object

t.test('canonical bytes are the sorted-copy JSON, whether or not the value was already in order', async t => {
  await holds(t, 'canonical bytes equal the sorted copy\'s JSON', fc.property(json, value => b4a.toString(canonicalBytes(value)) === reference(value)), 2000, [20261206])
  t.equal(b4a.toString(canonicalBytes({ b: 1, a: { d: [{ f: 1, e: 2 }], c: undefined } })), '{"a":{"d":[{"e":2,"f":1}]},"b":1}')
  t.equal(b4a.toString(canonicalBytes({ a: 1, b: 2 })), '{"a":1,"b":2}', 'already in order')
  t.equal(b4a.toString(canonicalBytes({ 10: 'x', 2: 'y', a: 'z' })), '{"2":"y","10":"x","a":"z"}', 'index-like keys as JSON orders them')
})
