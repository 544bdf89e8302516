import { formatDay, parseDate } from './dates.js'
import type { ContributionFields, ContributionOp, ContributionPatch } from './ops.js'

export type EntryStatus = 'active' | 'retracted'

/** A value entry as the ledger holds it now: the contribution, with its amends applied. */
export interface Entry extends Omit<ContributionFields, 'day'> {
  id: string
  /** the member it counts for */
  member: string
  /** the device (writer key, hex) that wrote it */
  device: string
  /** the author's clock when it was written (ms) */
  time: number
  /** the work date, YYYY-MM-DD */
  date: string
  key: string
  status: EntryStatus
  /** how many amends changed it, and the last one's id */
  amends: number
  lastAmend: string | null
  retractReason: string
  /** members who confirmed it (an amend clears them: they confirmed what it said before) */
  endorsedBy: string[]
  /** the federate (id) the work was for, when it was for one */
  forCoop?: string
}

export function entryFromContribution (op: ContributionOp, ids: { id: string, member: string, device: string, time: number }): Entry {
  return {
    id: ids.id,
    member: ids.member,
    device: ids.device,
    time: ids.time,
    stream: op.stream,
    minutes: op.minutes,
    date: formatDay(op.day),
    description: op.description,
    project: op.project,
    tags: op.tags,
    client: op.client,
    commons: op.commons,
    careFor: op.careFor,
    money: op.money,
    output: op.output,
    key: op.key,
    status: 'active',
    amends: 0,
    lastAmend: null,
    retractReason: '',
    endorsedBy: [],
    // only when set, so that entries written before federation keep their bytes in the view
    ...(op.forCoop !== undefined ? { forCoop: op.forCoop } : {})
  }
}

export function entryFields (entry: Entry): ContributionFields {
  return {
    stream: entry.stream,
    minutes: entry.minutes,
    day: parseDate(entry.date),
    description: entry.description,
    project: entry.project,
    tags: entry.tags,
    client: entry.client,
    commons: entry.commons,
    careFor: entry.careFor,
    money: entry.money,
    output: entry.output
  }
}

/** The fields an entry has after a patch; the caller validates the result as a whole. */
export function patchedFields (entry: Entry, patch: ContributionPatch): ContributionFields {
  return { ...entryFields(entry), ...definedOnly(patch) }
}

export function withFields (entry: Entry, f: ContributionFields): Entry {
  return {
    ...entry,
    stream: f.stream,
    minutes: f.minutes,
    date: formatDay(f.day),
    description: f.description,
    project: f.project,
    tags: f.tags,
    client: f.client,
    commons: f.commons,
    careFor: f.careFor,
    money: f.money,
    output: f.output
  }
}

/** YYYY-MM. An entry's date is always a formatted day (formatDay), so its month is its prefix:
 * apply asks for it twice an entry, and parsing the date again cost more than the rest of it. */
export function entryMonth (entry: Entry): string {
  return entry.date.slice(0, 7)
}

function definedOnly (patch: ContributionPatch): ContributionPatch {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v
  return out as ContributionPatch
}
