import { canonicalBytes, parseJson } from './canonical-json.js'

/**
 * The view's head (`meta/head`, view layout 5): the bookkeeping every applied block moves, in one
 * record rather than three, so that a block costs the view one key here instead of three writes
 * and three reads (bench P11: with many writers autobase applies blocks again after each reorder,
 * and every key a block writes is a walk of the view's tree). It holds
 *
 *   - `blocks`: how many blocks apply has taken in, the places of the `block/` records are 0 to `blocks` − 1;
 *   - `clock`: the ledger time (ledger-clock.ts);
 *   - `digest`: the view's digest (digest.ts), which covers every key of the view, this one
 *     included but for this field: the head is hashed as the canonical JSON of the record without
 *     `digest` (`headBody`).
 *
 * The head changes with every block, so anything in it that grows with the ledger would be written
 * again with every block: what a writer needs per writer lives in `writer/<key>` instead.
 */
export interface HeadRecord {
  blocks: number
  clock: ClockRecord
  digest?: string
}

/**
 * The ledger time as the view keeps it (the rule: ledger/ledger-time.ts). `members` holds, for each
 * full member who is not removed, the latest frame time any of their devices wrote (0 before their
 * first); `now` is the lower median of those, never less than it was.
 */
export interface ClockRecord {
  members: Record<string, number>
  now: number
}

export const EMPTY_HEAD: HeadRecord = Object.freeze({ blocks: 0, clock: Object.freeze({ members: Object.freeze({}), now: 0 }) })

/** The head a view holds (its stored JSON, or null for a view with none yet). */
export function headOf (value: HeadRecord | null): HeadRecord {
  return value ?? EMPTY_HEAD
}

/** The head's bytes as the digest hashes them: its canonical JSON without the digest. */
export function headBody (head: HeadRecord | null): Uint8Array {
  const { digest: _digest, ...body } = head ?? {}
  return canonicalBytes(body)
}

/** The head's bytes as stored: its body with the digest. */
export function headBytes (head: HeadRecord | null, digest: string): Uint8Array {
  const { digest: _digest, ...body } = head ?? {}
  return canonicalBytes({ ...body, digest })
}

/** The digest a stored head holds (null for a view with no head yet). */
export function headDigest (bytes: Uint8Array | null): string | null {
  if (bytes === null) return null
  const digest = parseJson<HeadRecord>(bytes).digest
  return typeof digest === 'string' ? digest : null
}

/**
 * A writer's own bookkeeping (`writer/<key>`): how many of its blocks the view has taken in, and
 * the time of its latest frame taken in while it was a device (frames must not go back in time;
 * 0 before its first). Layouts 1 to 4 kept the first as `applied/<key>` and the second as the
 * device record's `lastTime`, so that a block wrote both.
 */
export interface WriterRecord {
  length: number
  time: number
}

/** A writer the view has taken nothing of yet. */
export const NO_WRITER: WriterRecord = Object.freeze({ length: 0, time: 0 })
