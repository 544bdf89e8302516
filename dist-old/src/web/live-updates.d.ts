import type { ServerResponse } from 'node:http';
import type { DiscoNode } from '../node.js';
/**
 * Server-sent events: every open page gets an `update` event when the node's ledger changes (the
 * node's own `update` event, as the status lines of `disco start` use it), at most one per
 * `interval` ms, so that a burst of appends makes the page reload its data once.
 */
export declare class LiveUpdates {
    private readonly node;
    private readonly interval;
    private readonly clients;
    private timer;
    private readonly heartbeat;
    private started;
    constructor(node: DiscoNode, interval?: number);
    private readonly onUpdate;
    start(): void;
    add(res: ServerResponse): void;
    close(): void;
}
