import type { BeeReader, RangeOptions } from 'hyperbee'
import { DiscoError } from '../errors.js'
import { emptyBalance } from '../ledger/balances.js'
import type { Balance } from '../ledger/balances.js'
import type { Entry } from '../ledger/entries.js'
import { parseId } from '../ledger/ids.js'
import { STREAMS } from '../ledger/streams.js'
import type { Stream } from '../ledger/streams.js'
import { named } from '../ledger/members.js'
import type { Cooperative, Device, Invite, Member, RoleCounts } from '../ledger/members.js'
import { parseJson } from './canonical-json.js'
import type { RejectionCount, StoredRejection } from './apply.js'
import { COOP_KEY, GOVERNANCE_RULES_KEY, HEAD_KEY, LEGACY_ORDER_LENGTH_KEY, PROTOCOL_KEY, ROLE_COUNTS_KEY, keys } from './view-layout.js'
import { NO_WRITER, headDigest, headOf } from './view-head.js'
import type { ClockRecord, HeadRecord, WriterRecord } from './view-head.js'
import { DEFAULT_DELIBERATION } from './deliberation.js'
import type { DeliberationRecord } from './deliberation.js'
import { dateAt } from './block-dates.js'
import type { BlockRecord } from './block-dates.js'
import { entryFromKey, entryFromRecord } from './entry-record.js'
import type { EntryRecord } from './entry-record.js'
import type { Proposal, VoteRecord } from './governance.js'
import type { BallotRecord, ObjectionRecord } from './decision-rule.js'

/**
 * Reads of the view. Each is a lookup or a range over an index (O(log n) to find, then what is
 * listed): nothing here replays the log. Pass a snapshot so that one answer sees one state.
 */
export async function getJson<T> (r: BeeReader, key: string): Promise<T | null> {
  const node = await r.get(key)
  return node === null ? null : parseJson<T>(node.value)
}

export async function * rangeJson<T> (r: BeeReader, range: RangeOptions): AsyncGenerator<T> {
  for await (const node of r.createReadStream(range)) yield parseJson<T>(node.value)
}

export async function getCooperative (r: BeeReader): Promise<Cooperative | null> {
  return await getJson<Cooperative>(r, COOP_KEY)
}

export async function getProtocolVersion (r: BeeReader): Promise<number | null> {
  return (await getJson<{ version: number }>(r, PROTOCOL_KEY))?.version ?? null
}

/** The view's head (view-head.ts): blocks applied, the ledger time, the digest. */
export async function getHead (r: BeeReader): Promise<HeadRecord> {
  return headOf(await getJson<HeadRecord>(r, HEAD_KEY))
}

/** The ledger time and the members' latest times it is the lower median of (consensus/ledger-clock.ts). */
export async function getClock (r: BeeReader): Promise<ClockRecord> {
  return (await getHead(r)).clock
}

/**
 * How many blocks a view has applied: its head's count, or for a view of layouts 1 to 4 (read
 * only before it is rebuilt: view-upgrade.ts) the record those kept it in.
 */
export async function getAppliedBlocks (r: BeeReader): Promise<number> {
  const head = await getJson<HeadRecord>(r, HEAD_KEY)
  if (head !== null) return head.blocks
  return (await getJson<{ length: number }>(r, LEGACY_ORDER_LENGTH_KEY))?.length ?? 0
}

/** A writer's bookkeeping: how many of its blocks the view has taken in, its latest frame's time. */
export async function getWriter (r: BeeReader, writerHex: string): Promise<WriterRecord> {
  return await getJson<WriterRecord>(r, keys.writer(writerHex)) ?? NO_WRITER
}

/** The ledger time: 0 before the founding. */
export async function getLedgerTime (r: BeeReader): Promise<number> {
  return (await getClock(r)).now
}

/** How many active participants hold each role. */
export async function getRoleCounts (r: BeeReader): Promise<RoleCounts> {
  return await getJson<RoleCounts>(r, ROLE_COUNTS_KEY) ?? {}
}

/** The minimum deliberation of proposals in force. */
export async function getDeliberation (r: BeeReader): Promise<DeliberationRecord> {
  return await getJson<DeliberationRecord>(r, GOVERNANCE_RULES_KEY) ?? DEFAULT_DELIBERATION
}

export async function getDigest (r: BeeReader): Promise<string | null> {
  const node = await r.get(HEAD_KEY)
  return headDigest(node === null ? null : node.value)
}

export async function getMember (r: BeeReader, id: string): Promise<Member | null> {
  const m = await getJson<Member>(r, keys.member(id))
  return m === null ? null : named(m)
}

export async function getDevice (r: BeeReader, writerHex: string): Promise<Device | null> {
  return await getJson<Device>(r, keys.device(writerHex))
}

/** The writer key (hex) of every device the ledger admitted, removed ones included. */
export async function listDeviceKeys (r: BeeReader): Promise<string[]> {
  const out: string[] = []
  for await (const { key } of r.createReadStream(keys.devices)) out.push(key.slice(keys.device('').length))
  return out
}

export async function listMembers (r: BeeReader): Promise<Member[]> {
  const out: Member[] = []
  for await (const m of rangeJson<Member>(r, keys.members)) out.push(named(m))
  // in the order they joined: the order a cooperative recognises
  return out.sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1))
}

/** A member by id, unique id prefix (4+ hex digits) or name (case-insensitive). */
export async function resolveMember (r: BeeReader, text: string): Promise<Member> {
  const wanted = text.trim().toLowerCase()
  const members = await listMembers(r)
  const exact = members.find(m => m.id === wanted)
  if (exact !== undefined) return exact
  const byName = members.filter(m => m.name.toLowerCase() === wanted)
  const byPrefix = /^[0-9a-f]{4,}$/.test(wanted) ? members.filter(m => m.id.startsWith(wanted)) : []
  const matches = [...new Set([...byName, ...byPrefix])]
  if (matches.length === 0) throw DiscoError.memberNotFound(text)
  if (matches.length > 1) throw DiscoError.ambiguousMember(text, matches.length)
  return matches[0] as Member
}

/** An entry by its full id: its block's dates say under which date its record is. */
export async function getEntry (r: BeeReader, fullId: string): Promise<Entry | null> {
  const { writerPrefix: writer, seq, index } = parseId(fullId)
  const id = `${writer}-${seq}-${index}`
  const dates = await getJson<BlockRecord>(r, keys.block(writer, seq))
  const date = dates === null ? null : dateAt(dates, index)
  if (date === null) return null
  const record = await getJson<EntryRecord>(r, keys.entry(date, id))
  return record === null ? null : entryFromRecord(id, date, record)
}

/** The full id of an entry from what a person typed: a full id or `<hex prefix>-<seq>-<index>`. */
export async function resolveEntryId (r: BeeReader, text: string): Promise<string> {
  return await resolveOpId(r, text, async id => await getEntry(r, id) !== null, DiscoError.entryNotFound, DiscoError.ambiguousEntryId)
}

export async function resolveProposalId (r: BeeReader, text: string): Promise<string> {
  return await resolveOpId(r, text, async id => await r.get(keys.proposal(id)) !== null, DiscoError.proposalNotFound, DiscoError.ambiguousEntryId)
}

/** Op ids are typed like git commits: a unique prefix of the writer key, then seq and index. */
async function resolveOpId (
  r: BeeReader, text: string, exists: (id: string) => Promise<boolean>,
  notFound: (text: string) => DiscoError, ambiguous: (text: string, n: number) => DiscoError
): Promise<string> {
  const p = parseId(text)
  const candidates: string[] = []
  if (p.writerPrefix.length === 64) {
    candidates.push(p.writerPrefix)
  } else {
    for await (const node of r.createReadStream({ gte: keys.device(p.writerPrefix), lt: keys.device(p.writerPrefix + 'g') })) {
      candidates.push(node.key.slice('device/'.length))
    }
  }
  const found: string[] = []
  for (const writer of candidates) {
    const id = `${writer}-${p.seq}-${p.index}`
    if (await exists(id)) found.push(id)
  }
  if (found.length === 0) throw notFound(text)
  if (found.length > 1) throw ambiguous(text, found.length)
  return found[0] as string
}

/** A proposal and the view block that last wrote it (to tell whether it is signed yet). */
export async function getProposal (r: BeeReader, id: string): Promise<{ proposal: Proposal, seq: number } | null> {
  const node = await r.get(keys.proposal(id))
  return node === null ? null : { proposal: parseJson<Proposal>(node.value), seq: node.seq }
}

export async function listProposals (r: BeeReader): Promise<Array<{ proposal: Proposal, seq: number }>> {
  const out: Array<{ proposal: Proposal, seq: number }> = []
  for await (const node of r.createReadStream(keys.proposals)) out.push({ proposal: parseJson<Proposal>(node.value), seq: node.seq })
  return out.sort((a, b) => a.proposal.at - b.proposal.at || (a.proposal.id < b.proposal.id ? -1 : 1))
}

export async function listVotes (r: BeeReader, proposalId: string): Promise<VoteRecord[]> {
  const out: VoteRecord[] = []
  for await (const v of rangeJson<VoteRecord>(r, keys.votes(proposalId))) out.push(v)
  return out
}

/** A poll's ballots, each member's latest. */
export async function listBallots (r: BeeReader, proposalId: string): Promise<BallotRecord[]> {
  const out: BallotRecord[] = []
  for await (const b of rangeJson<BallotRecord>(r, keys.ballots(proposalId))) out.push(b)
  return out
}

/** A consent proposal's objections, open or not, in the order of their ids. */
export async function listObjections (r: BeeReader, proposalId: string): Promise<ObjectionRecord[]> {
  const out: ObjectionRecord[] = []
  for await (const o of rangeJson<ObjectionRecord>(r, keys.objections(proposalId))) out.push(o)
  return out
}

export interface EntryFilter {
  member?: string
  stream?: Stream
  /** YYYY-MM */
  month?: string
  project?: string
  /** the most recent n entries (by work date) */
  limit?: number
  /** only active entries nobody has endorsed yet */
  unendorsed?: boolean
  /** only entries before this one in the listing's order (date, then id): paging back */
  before?: { date: string, id: string }
}

/**
 * Entries in work-date order: a range over the entries' own keys, read newest first, that stops
 * once it has `limit` that match.
 */
export async function listEntries (r: BeeReader, filter: EntryFilter): Promise<Entry[]> {
  const limit = filter.limit ?? Infinity
  const out: Entry[] = []
  if (limit <= 0) return out
  const range = keys.entriesDated(filter.month ?? '')
  if (filter.before !== undefined) {
    const before = keys.entry(filter.before.date, filter.before.id)
    if (before < range.lt) range.lt = before
  }
  if (limit === Infinity) {
    // forward: hyperbee preloads the blocks of a forward range read with no limit (not of a
    // reverse one), which halves the time of a large month (bench P14)
    for await (const node of r.createReadStream(range)) {
      const entry = entryFromKey(node.key, parseJson<EntryRecord>(node.value))
      if (matches(entry, filter)) out.push(entry)
    }
    return out
  }
  for await (const node of r.createReadStream({ ...range, reverse: true })) {
    const entry = entryFromKey(node.key, parseJson<EntryRecord>(node.value))
    if (!matches(entry, filter)) continue
    out.push(entry)
    if (out.length >= limit) break
  }
  return out.reverse()
}

function matches (e: Entry, f: EntryFilter): boolean {
  return (f.member === undefined || e.member === f.member) &&
    (f.stream === undefined || e.stream === f.stream) &&
    (f.project === undefined || e.project === f.project) &&
    (f.unendorsed !== true || (e.status === 'active' && e.endorsedBy.length === 0))
}

export interface BalanceRow {
  member: string
  /** YYYY-MM, or 'all' for the member's whole history */
  period: string
  stream: Stream
  balance: Balance
}

/** One row per stream for the member in the period: three lookups, no replay. */
export async function memberBalances (r: BeeReader, member: string, period: string): Promise<BalanceRow[]> {
  const found = new Map<string, Balance>()
  for await (const node of r.createReadStream(keys.balancePeriod(member, period))) {
    found.set(node.key.slice(node.key.lastIndexOf('/') + 1), parseJson<Balance>(node.value))
  }
  return STREAMS.map(stream => ({ member, period, stream, balance: found.get(stream) ?? emptyBalance() }))
}

export async function findByIdempotencyKey (r: BeeReader, member: string, key: string): Promise<string | null> {
  return (await getJson<{ id: string }>(r, keys.idem(member, key)))?.id ?? null
}

/** The rejection of one op (by its id), if apply refused it. */
export async function getRejection (r: BeeReader, opIdText: string): Promise<StoredRejection | null> {
  const [writer, seq, index] = opIdText.split('-')
  return await getJson<StoredRejection>(r, keys.rejection(writer ?? '', Number(seq), Number(index)))
}

export async function getInvite (r: BeeReader, idHex: string): Promise<Invite | null> {
  return await getJson<Invite>(r, keys.invite(idHex))
}

/** The idempotency keys a member has used that start with `prefix`, in one range read. */
export async function idempotencyKeysWithPrefix (r: BeeReader, member: string, prefix: string): Promise<Set<string>> {
  const out = new Set<string>()
  const start = keys.idem(member, '').length
  for await (const node of r.createReadStream(keys.idemPrefix(member, prefix))) out.add(decodeURIComponent(node.key.slice(start)))
  return out
}

export async function listRejections (r: BeeReader, limit = Infinity): Promise<StoredRejection[]> {
  const out: StoredRejection[] = []
  for await (const rej of rangeJson<StoredRejection>(r, keys.rejections)) {
    if (out.length >= limit) break
    out.push(rej)
  }
  return out
}

export async function rejectionTotals (r: BeeReader): Promise<RejectionCount> {
  const total: RejectionCount = { stored: 0, total: 0 }
  for await (const c of rangeJson<RejectionCount>(r, keys.rejectionCounts)) {
    total.stored += c.stored
    total.total += c.total
  }
  return total
}
