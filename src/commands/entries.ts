import { listEntries, listMembers, resolveMember } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { parseMonth } from '../ledger/dates.js'
import { parseStream } from '../ledger/streams.js'
import type { EntryFilter } from '../consensus/queries.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { entryView } from './views.js'
import type { EntryView } from './views.js'

export interface EntriesInput {
  /** a member's name or id */
  member?: string
  stream?: string
  /** YYYY-MM */
  month?: string
  project?: string
  /** the most recent n */
  limit?: number
  /** only active entries no other member has endorsed yet */
  unendorsed?: boolean
  /** the page before this cursor (a listing's `next`): with `limit`, a long listing a page at a time */
  before?: string
}

export interface EntriesOutput {
  entries: EntryView[]
  /**
   * When `limit` left older entries out: the cursor to ask for the page before this one
   * (`before`). Absent when the listing is whole.
   */
  next?: string
}

/** A page's cursor: where its oldest entry sits in the listing's order (date, then id). */
function cursorOf (e: { date: string, id: string }): string {
  return `${e.date}/${e.id}`
}

const CURSOR = /^(\d{4}-\d\d-\d\d)\/([0-9a-f]{64}-\d+-\d+)$/

function parseCursor (text: string): { date: string, id: string } {
  const m = CURSOR.exec(text.trim())
  if (m === null) throw DiscoError.invalidArgument(`--before must be the "next" of an earlier page (a date, a slash and an entry id), not "${text}"`)
  return { date: m[1] as string, id: m[2] as string }
}

/**
 * The ledger's value entries, oldest first, retracted ones included and marked. A long listing
 * comes a page at a time: `limit` gives the most recent n and `next`, which `before` takes to give
 * the n before them, and so on back (each page one range read of the view).
 */
export async function entries (node: LedgerNode, input: EntriesInput): Promise<EntriesOutput> {
  if (input.limit !== undefined && (!Number.isSafeInteger(input.limit) || input.limit < 1)) {
    throw DiscoError.invalidArgument(`--limit must be a whole number of 1 or more, not ${String(input.limit)}`)
  }
  const snap = node.snapshot()
  try {
    const filter: EntryFilter = {}
    if (input.member !== undefined) filter.member = (await resolveMember(snap, input.member)).id
    if (input.stream !== undefined) filter.stream = parseStream(input.stream)
    if (input.month !== undefined) filter.month = parseMonth(input.month)
    if (input.project !== undefined) filter.project = input.project.trim()
    if (input.unendorsed === true) filter.unendorsed = true
    if (input.before !== undefined) filter.before = parseCursor(input.before)
    // one more than a page: whether older entries were left out
    if (input.limit !== undefined) filter.limit = input.limit + 1
    const members = new Map((await listMembers(snap)).map(m => [m.id, m]))
    const found = await listEntries(snap, filter)
    const more = input.limit !== undefined && found.length > input.limit
    const page = more ? found.slice(1) : found
    const out: EntriesOutput = { entries: page.map(e => entryView(e, members)) }
    if (more) out.next = cursorOf(page[0] as { date: string, id: string })
    return out
  } finally {
    await snap.close()
  }
}
