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
}

/** The ledger's value entries, oldest first, retracted ones included and marked. */
export async function entries (node: LedgerNode, input: EntriesInput): Promise<{ entries: EntryView[] }> {
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
    if (input.limit !== undefined) filter.limit = input.limit
    if (input.unendorsed === true) filter.unendorsed = true
    const members = new Map((await listMembers(snap)).map(m => [m.id, m]))
    return { entries: (await listEntries(snap, filter)).map(e => entryView(e, members)) }
  } finally {
    await snap.close()
  }
}
