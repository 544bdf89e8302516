import type { Entry } from '../ledger/entries.js'
import { parseEntryKey } from './view-layout.js'

/**
 * An entry as the view stores it under `entry/<date>/<id>`: without what the key already says (the
 * work date, the id, and the device that wrote it, which is the id's writer), without the member
 * when it is that writer too (a member's first device: the common case), and without the fields
 * that still hold their defaults. A freshly logged entry takes under half the bytes of the whole
 * object, and each of its bytes is stored, hashed for the digest and downloaded by every node
 * (bench P1, P8).
 */
export type EntryRecord = Partial<Entry>

/** the fields an entry may leave out, at the values they then have (fresh arrays each call) */
function defaults (): Pick<Entry, 'project' | 'tags' | 'client' | 'commons' | 'careFor' | 'money' | 'output' | 'key' | 'status' | 'amends' | 'lastAmend' | 'retractReason' | 'endorsedBy'> {
  return { project: '', tags: [], client: '', commons: '', careFor: null, money: null, output: null, key: '', status: 'active', amends: 0, lastAmend: null, retractReason: '', endorsedBy: [] }
}

const DEFAULTS: Record<string, unknown> = defaults()

/** the writer (device) key in an entry id, `<writer hex>-<seq>-<index>` */
function writerOf (id: string): string {
  return id.slice(0, id.indexOf('-'))
}

/** The fields a record may hold, in the order its bytes have them (canonical JSON sorts keys:
 * built in this order, a record is serialised without a sorted copy). */
const RECORD_FIELDS = [
  'amends', 'careFor', 'client', 'commons', 'description', 'endorsedBy', 'forCoop', 'key', 'lastAmend',
  'member', 'minutes', 'money', 'output', 'project', 'retractReason', 'status', 'stream', 'tags', 'time'
] as const satisfies ReadonlyArray<keyof Entry>

/** Every field of an entry is in the record or said by its key: a new field fails to compile
 * until it is listed above. */
type Unlisted = Exclude<keyof Entry, typeof RECORD_FIELDS[number] | 'id' | 'device' | 'date'>
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true

/** Each record field with its default, looked up once rather than for every entry (bench P1). */
const FIELD_DEFAULTS = RECORD_FIELDS.map(field => ({
  field,
  hasDefault: field in DEFAULTS,
  /** the default is an empty array: any empty array is it */
  emptyArray: Array.isArray(DEFAULTS[field]),
  value: DEFAULTS[field]
}))

export function entryRecord (entry: Entry): EntryRecord {
  const out: Record<string, unknown> = {}
  const writer = writerOf(entry.id)
  for (const d of FIELD_DEFAULTS) {
    const value = entry[d.field]
    if (value === undefined) continue
    // a field at its default is left out (an empty array for an array default)
    if (d.hasDefault && (d.emptyArray ? Array.isArray(value) && value.length === 0 : value === d.value)) continue
    if (d.field === 'member' && value === writer) continue
    out[d.field] = value
  }
  return out as EntryRecord
}

export function entryFromRecord (id: string, date: string, record: EntryRecord): Entry {
  const device = writerOf(id)
  return { ...defaults(), member: device, ...record, id, device, date } as Entry
}

/** The entry an `entry/<date>/<id>` key holds. */
export function entryFromKey (key: string, record: EntryRecord): Entry {
  const { date, id } = parseEntryKey(key)
  return entryFromRecord(id, date, record)
}
