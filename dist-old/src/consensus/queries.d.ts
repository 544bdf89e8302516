import type { BeeReader, RangeOptions } from 'hyperbee';
import type { Balance } from '../ledger/balances.js';
import type { Entry } from '../ledger/entries.js';
import type { Stream } from '../ledger/streams.js';
import type { Cooperative, Device, Invite, Member, RoleCounts } from '../ledger/members.js';
import type { RejectionCount, StoredRejection } from './apply.js';
import type { ClockRecord } from './ledger-clock.js';
import type { DeliberationRecord } from './deliberation.js';
import type { Proposal, VoteRecord } from './governance.js';
/**
 * Reads of the view. Each is a lookup or a range over an index (O(log n) to find, then what is
 * listed): nothing here replays the log. Pass a snapshot so that one answer sees one state.
 */
export declare function getJson<T>(r: BeeReader, key: string): Promise<T | null>;
export declare function rangeJson<T>(r: BeeReader, range: RangeOptions): AsyncGenerator<T>;
export declare function getCooperative(r: BeeReader): Promise<Cooperative | null>;
export declare function getProtocolVersion(r: BeeReader): Promise<number | null>;
/** The ledger time and the members' latest times it is the lower median of (consensus/ledger-clock.ts). */
export declare function getClock(r: BeeReader): Promise<ClockRecord>;
/** The ledger time: 0 before the founding. */
export declare function getLedgerTime(r: BeeReader): Promise<number>;
/** How many active participants hold each role. */
export declare function getRoleCounts(r: BeeReader): Promise<RoleCounts>;
/** The minimum deliberation of proposals in force. */
export declare function getDeliberation(r: BeeReader): Promise<DeliberationRecord>;
export declare function getDigest(r: BeeReader): Promise<string | null>;
export declare function getMember(r: BeeReader, id: string): Promise<Member | null>;
export declare function getDevice(r: BeeReader, writerHex: string): Promise<Device | null>;
/** The writer key (hex) of every device the ledger admitted, removed ones included. */
export declare function listDeviceKeys(r: BeeReader): Promise<string[]>;
export declare function listMembers(r: BeeReader): Promise<Member[]>;
/** A member by id, unique id prefix (4+ hex digits) or name (case-insensitive). */
export declare function resolveMember(r: BeeReader, text: string): Promise<Member>;
/** An entry by its full id: its block's dates say under which date its record is. */
export declare function getEntry(r: BeeReader, fullId: string): Promise<Entry | null>;
/** The full id of an entry from what a person typed: a full id or `<hex prefix>-<seq>-<index>`. */
export declare function resolveEntryId(r: BeeReader, text: string): Promise<string>;
export declare function resolveProposalId(r: BeeReader, text: string): Promise<string>;
/** A proposal and the view block that last wrote it (to tell whether it is signed yet). */
export declare function getProposal(r: BeeReader, id: string): Promise<{
    proposal: Proposal;
    seq: number;
} | null>;
export declare function listProposals(r: BeeReader): Promise<Array<{
    proposal: Proposal;
    seq: number;
}>>;
export declare function listVotes(r: BeeReader, proposalId: string): Promise<VoteRecord[]>;
export interface EntryFilter {
    member?: string;
    stream?: Stream;
    /** YYYY-MM */
    month?: string;
    project?: string;
    /** the most recent n entries (by work date) */
    limit?: number;
    /** only active entries nobody has endorsed yet */
    unendorsed?: boolean;
}
/**
 * Entries in work-date order: a range over the entries' own keys, read newest first, that stops
 * once it has `limit` that match.
 */
export declare function listEntries(r: BeeReader, filter: EntryFilter): Promise<Entry[]>;
export interface BalanceRow {
    member: string;
    /** YYYY-MM, or 'all' for the member's whole history */
    period: string;
    stream: Stream;
    balance: Balance;
}
/** One row per stream for the member in the period: three lookups, no replay. */
export declare function memberBalances(r: BeeReader, member: string, period: string): Promise<BalanceRow[]>;
export declare function findByIdempotencyKey(r: BeeReader, member: string, key: string): Promise<string | null>;
/** The rejection of one op (by its id), if apply refused it. */
export declare function getRejection(r: BeeReader, opIdText: string): Promise<StoredRejection | null>;
export declare function getInvite(r: BeeReader, idHex: string): Promise<Invite | null>;
/** The idempotency keys a member has used that start with `prefix`, in one range read. */
export declare function idempotencyKeysWithPrefix(r: BeeReader, member: string, prefix: string): Promise<Set<string>>;
export declare function listRejections(r: BeeReader, limit?: number): Promise<StoredRejection[]>;
export declare function rejectionTotals(r: BeeReader): Promise<RejectionCount>;
