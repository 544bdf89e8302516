import { DiscoNode } from '../node.js';
import type { Member } from '../ledger/members.js';
/** What every command is given: where the storage is. The CLI fills it from --storage. */
export interface CommandOptions {
    storage?: string;
}
export declare function storageOf(opts: CommandOptions): string;
/** Open the storage's node, run a handler against it, and close it whatever happens. */
export declare function withNode<T>(opts: CommandOptions, fn: (node: DiscoNode) => Promise<T>): Promise<T>;
/** The member this device writes for. */
export declare function localMember(node: DiscoNode): Promise<Member>;
