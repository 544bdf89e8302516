import type { Member } from '../ledger/members.js';
import type { ViewTx } from './view-tx.js';
/**
 * The ledger time as the view keeps it (the rule: ledger/ledger-time.ts). `members` holds, for each
 * full member who is not removed, the latest frame time any of their devices wrote (0 before their
 * first); `now` is the lower median of those, never less than it was.
 */
export interface ClockRecord {
    members: Record<string, number>;
    now: number;
}
/** The ledger time: what apply takes as "now". 0 before the founding. */
export declare function ledgerNow(tx: ViewTx): Promise<number>;
/**
 * A device wrote a frame at `time` (already checked not to go back). Counts only when its member
 * is a full member: daters', contributors' and supporters' clocks move nothing.
 */
export declare function noteFrameTime(tx: ViewTx, writerHex: string, time: number): Promise<void>;
/**
 * A participant became a full member (found, admitted, a role change) or stopped being one (a role
 * change, a removal). A new member counts with the latest time their devices have written.
 */
export declare function setClockMember(tx: ViewTx, member: Member, counts: boolean): Promise<void>;
