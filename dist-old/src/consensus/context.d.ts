import type { HostCalls } from 'autobase';
import type { Member } from '../ledger/members.js';
import type { Role } from '../ledger/roles.js';
import type { BlockDates } from './block-dates.js';
import type { ViewTx } from './view-tx.js';
/** Who wrote an op, where it sits, and when its author says it was written. */
export interface OpContext {
    tx: ViewTx;
    host: HostCalls;
    id: string;
    writerHex: string;
    /** the op's position in its block */
    index: number;
    /** the entries its block has logged so far */
    block: BlockDates;
    time: number;
    version: number;
}
/** The member the writing device belongs to, if they are still a participant. */
export declare function author(ctx: OpContext): Promise<Member>;
export declare function adjustRoleCount(tx: ViewTx, role: Role, delta: number): Promise<void>;
export declare function writerHex(key: Uint8Array): string;
/** An idempotency key ('' for none) is used once: a second op with it is refused, naming the first. */
export declare function claimKey(ctx: OpContext, viewKey: string, key: string): Promise<void>;
