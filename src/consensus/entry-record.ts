import type { Entry } from '../ledger/entries.js'
import type { ViewTx } from './view-tx.js'
import { indexKey, keys } from './view-layout.js'

/**
 * An entry as the view stores it under `entry/<id>`: without what the key already says (the id,
 * and the device that wrote it, which is the id's writer), without the member when it is that
 * writer too (a member's first device: the common case), and without the fields that still hold
 * their defaults. A freshly logged entry takes under half the bytes of the whole object, and each
 * of its bytes is stored, hashed for the digest and downloaded by every node (bench P1, P8).
 */
export type EntryRecord = Partial<Entry>

/** the fields an entry may leave out, at the values they then have (fresh arrays each call) */
function defaults (): Pick<Entry, 'project' | 'tags' | 'client' | 'commons' | 'careFor' | 'money' | 'key' | 'status' | 'amends' | 'lastAmend' | 'retractReason' | 'endorsedBy'> {
  return { project: '', tags: [], client: '', commons: '', careFor: null, money: null, key: '', status: 'active', amends: 0, lastAmend: null, retractReason: '', endorsedBy: [] }
}

const DEFAULTS: Record<string, unknown> = defaults()

function isDefault (field: string, value: unknown): boolean {
  if (!(field in DEFAULTS)) return false
  const d = DEFAULTS[field]
  return Array.isArray(d) ? Array.isArray(value) && value.length === 0 : value === d
}

/** the writer (device) key in an entry id, `<writer hex>-<seq>-<index>` */
function writerOf (id: string): string {
  return id.slice(0, id.indexOf('-'))
}

export function entryRecord (entry: Entry): EntryRecord {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(entry)) {
    if (field === 'id' || field === 'device' || isDefault(field, value)) continue
    if (field === 'member' && value === writerOf(entry.id)) continue
    out[field] = value
  }
  return out as EntryRecord
}

export function entryFromRecord (id: string, record: EntryRecord): Entry {
  const device = writerOf(id)
  return { ...defaults(), member: device, ...record, id, device } as Entry
}

/** The value of an entry's date-index key: what a listing filters on without reading the entry.
 * The member is left out when it is the id's writer, as in the entry's record. */
export interface EntryIndexValue {
  member?: string
  stream: string
  project: string
}

export function dateIndexKey (entry: Entry): string {
  return indexKey('date', entry.date, entry.id)
}

export function dateIndexValue (entry: Entry): EntryIndexValue {
  const where = { stream: entry.stream, project: entry.project }
  return entry.member === writerOf(entry.id) ? where : { member: entry.member, ...where }
}

/** whose entry a date-index value (of the entry `id`) says it is */
export function indexedMember (id: string, value: EntryIndexValue): string {
  return value.member ?? writerOf(id)
}

export async function getEntryIn (tx: ViewTx, id: string): Promise<Entry | null> {
  const record = await tx.get<EntryRecord>(keys.entry(id))
  return record === null ? null : entryFromRecord(id, record)
}

export async function putEntryIn (tx: ViewTx, entry: Entry): Promise<void> {
  await tx.put(keys.entry(entry.id), entryRecord(entry))
}

/** a new entry's record: no read of what was there (there was nothing) */
export function putNewEntryIn (tx: ViewTx, entry: Entry): void {
  tx.putNew(keys.entry(entry.id), entryRecord(entry))
}
