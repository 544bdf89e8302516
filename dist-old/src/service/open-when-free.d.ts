import { DiscoNode } from '../node.js';
import type { DiscoNodeOptions } from '../node.js';
/** How long `disco start` waits for a short-lived command to let go of the store. */
export declare const STORE_WAIT_MS = 10000;
/**
 * Open the store for `disco start`, waiting briefly while another process holds it. A one-off
 * command (`disco status` as a health check, when no node runs) opens the store for a moment: a
 * start (a systemd restart) that comes at that moment must not fail for it. A running node is
 * another matter — it holds the store for good, and answers on its control socket — so that is
 * STORE_BUSY at once. The wait is bounded, and ends with an error that says what holds the store.
 */
export declare function openWhenFree(opts: DiscoNodeOptions, onWait: (message: string) => void, waitMs?: number): Promise<DiscoNode>;
