import { DiscoNode } from './node.js';
import type { NetworkOptions } from './net/swarm.js';
export type JoinStage = 'asking' | 'paired' | 'admitted' | 'caught-up';
export interface JoinOptions {
    storage: string;
    code: string;
    network: NetworkOptions;
    /** the name the cooperative will see */
    me: string;
    timeoutMs?: number;
    /** a private network's bootstrap (`host:port,…`) to keep in config.json for `disco start` */
    saveBootstrap?: string;
    onProgress?: (stage: JoinStage, detail: string) => void;
}
/**
 * A new device joins with an invite code: it sends its writer key, receives the ledger key and the
 * encryption key from a member's node, opens the ledger, waits to be admitted as a writer and
 * to catch up, then names itself. Returns the node, open and on the swarm.
 */
export declare function joinCooperative(opts: JoinOptions): Promise<DiscoNode>;
/**
 * This machine's device key for a storage folder that has not joined yet: what a member proposes
 * to admit (`disco propose admit <key>`) for a newcomer admitted by vote. The same folder then joins
 * with any invite code, and is let in as the participant the vote made it.
 */
export declare function deviceKey(storage: string): Promise<string>;
/** Re-check on every ledger update (and when this device becomes a writer) until the condition holds, or fail after the timeout. */
export declare function waitFor(node: DiscoNode, check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void>;
