import type { NetworkOptions } from '../net/swarm.js';
import type { MirrorStatus } from './service.js';
export interface MirrorRunOptions {
    storage: string;
    maxBytes: number;
    network: NetworkOptions;
    json?: boolean;
    out?: (line: string) => void;
    /** at most one status line per this many ms (default 1000) */
    statusInterval?: number;
}
export type MirrorEvent = ({
    type: 'ready';
    storage: string;
    pid: number;
} & MirrorStatus) | ({
    type: 'status';
} & MirrorStatus) | {
    type: 'stopped';
};
/** Where a mirror's folder is when --storage is not given: beside a node's, never inside it. */
export declare function defaultMirrorStorage(env?: NodeJS.ProcessEnv): string;
/** `--max-size 10G`: bytes, or a whole number of K, M, G or T (powers of 1024). */
export declare function parseSize(text: string): number;
/**
 * `disco mirror`: the blind peer in the foreground until SIGINT or SIGTERM. It prints its key (what
 * members propose), then a status line whenever the cores, bytes or peers change (at most one a
 * second), and keeps the last one in `status.json` in its folder for `disco mirror status`.
 */
export declare function runMirror(opts: MirrorRunOptions): Promise<void>;
/** The last status a running mirror wrote: for `disco mirror status`. */
export declare function readMirrorStatus(storage: string): Promise<MirrorStatus & {
    at: string;
    pid: number;
    running: boolean;
}>;
export declare function describe(e: MirrorEvent): string;
export declare function statusLine(s: MirrorStatus): string;
