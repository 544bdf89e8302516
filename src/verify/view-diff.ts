import b4a from 'b4a'
import { renderError } from '../error-messages.js'
import type { ErrorParams } from '../error-messages.js'

/** The first key where two views differ, with what each holds (null: the key is absent). */
export interface ViewDifference {
  key: string
  view: string | null
  replay: string | null
}

export interface ViewComparison {
  /** keys present in both with equal values, until the first difference */
  keys: number
  /** how many of those keys each kind of record had */
  counted: Record<string, number>
  difference: ViewDifference | null
}

/** What a view's key prefixes hold, for the report of what was checked. */
const KINDS: Array<[string, string]> = [
  ['entry/', 'entries'], ['bal/', 'balances'], ['member/', 'members'], ['prop/', 'proposals'],
  ['vote/', 'votes'], ['stmt/', 'statements'], ['income/', 'income'], ['rej/', 'rejections'],
  ['fed/', 'federates'], ['fedci/', 'check-ins'], ['fedd/', 'disputes'], ['block/', 'blocks']
]

/**
 * Walk two key-sorted views side by side and stop at the first key where they differ. The live
 * view is streamed; the replay is in memory.
 */
export async function compareViews (view: AsyncIterable<{ key: string, value: Uint8Array }>, replay: Array<[string, Uint8Array]>): Promise<ViewComparison> {
  const counted: Record<string, number> = Object.fromEntries(KINDS.map(([, kind]) => [kind, 0]))
  let keys = 0
  let i = 0
  const differ = (key: string, view: Uint8Array | null, replayed: Uint8Array | null): ViewComparison =>
    ({ keys, counted, difference: { key, view: shown(key, view), replay: shown(key, replayed) } })

  for await (const { key, value } of view) {
    const next = replay[i]
    if (next === undefined || key < next[0]) return differ(key, value, null)
    if (key > next[0]) return differ(next[0], null, next[1])
    if (!b4a.equals(value, next[1])) return differ(key, value, next[1])
    i++
    keys++
    const kind = KINDS.find(([prefix]) => key.startsWith(prefix))
    if (kind !== undefined) counted[kind[1]] = (counted[kind[1]] ?? 0) + 1
  }
  const extra = replay[i]
  if (extra !== undefined) return differ(extra[0], null, extra[1])
  return { keys, counted, difference: null }
}

/** A value as a person reads it: the view's values are JSON text; long ones are cut. A rejection
 * is stored as a code and params: its words follow. */
function shown (key: string, value: Uint8Array | null): string | null {
  if (value === null) return null
  let text = b4a.toString(value)
  if (text.length > 200) text = `${text.slice(0, 200)}…`
  if (key.startsWith('rej/')) {
    try {
      const r = JSON.parse(b4a.toString(value)) as { code?: unknown, params?: unknown }
      if (typeof r.code === 'string' && typeof r.params === 'object' && r.params !== null) text += ` (${renderError(r.code, r.params as ErrorParams)})`
    } catch {}
  }
  return text
}
