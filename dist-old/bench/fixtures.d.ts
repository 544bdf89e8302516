import type { ChildProcess } from 'node:child_process';
import Autobase from 'autobase';
import Corestore from 'corestore';
import Hyperbee from 'hyperbee';
import Hyperswarm from 'hyperswarm';
import type { BootstrapNode } from 'hyperdht';
import { DiscoNode } from '../src/node.js';
import type { ContributionOp } from '../src/ledger/ops.js';
export declare const DISCO_BIN: string;
export declare function tempDir(name: string): Promise<string>;
export declare function removeDir(dir: string): Promise<void>;
/** A month of varied contributions: 2026-10, three streams, seven projects, two tags. */
export declare function contribution(i: number): ContributionOp;
export declare function contributions(from: number, count: number): ContributionOp[];
/** The bytes of one op as disco writes it alone in a frame: what the raw baselines append. */
export declare function opBytes(i: number): Uint8Array;
/** `count` ops as frames of `perBlock`, as disco packs them. */
export declare function packedBlocks(count: number, perBlock?: number): Uint8Array[];
/** Append `count` ops to a node in appends of `chunk`, then wait until they are applied. */
export declare function appendOps(node: DiscoNode, count: number, chunk?: number, from?: number): Promise<void>;
/** A new ledger in `storage` (founded by one member) holding `count` contributions, appended
 * `chunk` at a time (each append is one autobase tick: a block of the system core), closed. */
export declare function buildLedger(storage: string, count: number, chunk?: number): Promise<{
    ms: number;
}>;
/** A closed ledger of `count` contributions, built once per run and shared by the scenarios that
 * read one (P4, P5, P8); removed when the process exits. */
export declare function sharedLedger(count: number): Promise<{
    storage: string;
    ms: number;
}>;
/** The raw stack the ledger is built on: autobase, a hyperbee view, and an apply that puts each
 * block under one key (its writer and seq): one put an op, no decoding, no checks. */
export declare function rawBase(store: Corestore, key: Uint8Array | null, opts?: {
    ackInterval?: number;
}): Autobase<Hyperbee>;
/** Join a raw base's swarm on a loopback DHT, replicating every connection (as src/net/swarm.ts does). */
export declare function rawOnline(base: Autobase<Hyperbee>, bootstrap: BootstrapNode[]): Promise<Hyperswarm>;
/** the view keys a contribution writes: its entry's record, keyed by date (src/consensus/view-layout.ts);
 * its block adds one more, for all the entries it logged */
export declare const DISCO_KEYS_PER_OP = 1;
/** "1 key", "2 keys": for the scenarios' labels */
export declare const DISCO_KEYS_LABEL: string;
/**
 * The raw stack writing as many view keys an op as disco does: blocks are frames of many ops
 * (disco's codec), and apply puts `keysPerOp` keys of 64 bytes for each op in one hyperbee batch.
 * What the stack allows at that many keys, with none of disco's checks, JSON or digest.
 */
export declare function rawKeysBase(store: Corestore, keysPerOp: number): Autobase<Hyperbee>;
/** Bytes a folder takes on disk (allocated blocks, as du counts them). */
export declare function diskBytes(dir: string): Promise<number>;
export declare const MB: number;
/** Resident memory of a process, from /proc (Linux). */
export declare function rssBytes(pid: number): Promise<number>;
/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (Linux, 100 ticks/s). */
export declare function cpuMs(pid: number): Promise<number>;
/** Samples the peak RSS of this process while it runs. */
export declare function peakRss(): {
    stop: () => number;
};
export declare const sleep: (ms: number) => Promise<void>;
/** A node child process (as users run it: no loader from our NODE_OPTIONS) whose stdout lines can be awaited. */
export declare class Child {
    readonly proc: ChildProcess;
    readonly started: bigint;
    readonly exited: Promise<number | null>;
    private readonly lines;
    private readonly waiters;
    private stderr;
    constructor(args: string[], flags?: string[]);
    get pid(): number;
    /** ms from spawn to the first stdout line that matches, and the line */
    line(what: string, match: (line: string) => boolean, timeoutMs?: number): Promise<{
        ms: number;
        line: string;
    }>;
    stop(): Promise<number | null>;
    kill(): void;
}
/** A `disco start --json` event line of the given type */
export declare const eventLine: (type: string) => (line: string) => boolean;
