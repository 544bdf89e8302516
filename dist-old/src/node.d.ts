import Autobase from 'autobase';
import Hyperbee from 'hyperbee';
import type { BeeReader } from 'hyperbee';
import ReadyResource from 'ready-resource';
import { DiscoError } from './errors.js';
import type { Op, OpRef } from './ledger/ops.js';
import type { NetworkOptions } from './net/swarm.js';
import { FederationDesk } from './federation/desk.js';
import type { MirrorState } from './mirror/link.js';
export interface DiscoNodeOptions {
    /** the storage folder */
    storage: string;
    /** join the ledger's swarm and replicate with peers; offline when absent */
    network?: NetworkOptions;
    /** the ledger's encryption key, for the first open after joining (autobase keeps it after) */
    encryptionKey?: Uint8Array;
    /**
     * The ledger's system core key, for the first open after joining (the inviter's node hands it
     * over, signed, in its answer: src/invite-desk.ts): the new node fast-forwards to that core's
     * signed state and reads the view from peers instead of re-applying every block of the ledger.
     * Without it a new node's system core is a different one of its own, and it learns the
     * cooperative's only from an indexer's checkpoint once it has applied the blocks that name the
     * indexers: on a large ledger that often means all of them (bench P4). A key of the wrong length
     * is ignored; a key that leads nowhere costs autobase's fast-forward timeout (5 s), then the node
     * applies the ledger as without it. Not kept: a later open does not need it (autobase's boot
     * record remembers the core it moved to).
     */
    fastForwardTo?: Uint8Array;
    /** how often an indexer acknowledges what it has seen (ms). Autobase's 10 s default makes
     * peers converge slowly; 0 never fully signs (docs/DESIGN.md, "The stack"). */
    ackInterval?: number;
    /** how often a running node looks at its federates' cores and checks in (ms, default 10 s) */
    witnessInterval?: number;
    /** the clock its frames claim (default Date.now): simulations run members' clocks ahead */
    clock?: () => number;
}
export interface CreateOptions extends DiscoNodeOptions {
    coopName: string;
    memberName: string;
}
/** A fast-forward: the signed length of the system core before (`from`) and after (`to`) it. */
export interface FastForwardJump {
    from: number;
    to: number;
}
/** A read-only view of the ledger at one moment (DiscoNode.snapshot). */
export interface ViewSnapshot extends BeeReader {
    close: () => Promise<void>;
}
/**
 * A member's node: owns the corestore and the encrypted autobase whose view is the cooperative's
 * ledger. Everything that writes goes through `append`, which validates ops, coalesces concurrent
 * calls and packs ops into as few blocks as the limits allow.
 */
export declare class DiscoNode extends ReadyResource {
    readonly storage: string;
    private readonly ackInterval;
    private readonly ledgerKey;
    private readonly networkOptions;
    private readonly encryptionKey;
    private readonly fastForwardTo;
    private readonly jumps;
    private store;
    private network;
    /** the cooperative's mirrors, asked to keep the ledger while the node is online (src/mirror) */
    private mirrorLink;
    private responder;
    private joining;
    private autobase;
    private pending;
    private flushing;
    private lastTime;
    /** the snapshot queries share while the view stays as it is (see snapshot) */
    private reads;
    /** the last retired one, kept open until the next takes over its caches */
    private lastReads;
    /** why autobase stopped applying, if it did: a newer protocol, or an I/O failure */
    private failure;
    private signing;
    private clockWatch;
    private fullCopy;
    /** federation: the federates' cores this node witnesses, and what it does about them */
    private desk;
    private readonly witnessInterval;
    private readonly clock;
    constructor(opts: DiscoNodeOptions & {
        ledgerKey: Uint8Array | null;
    });
    /** Found a new cooperative's ledger in an empty storage folder. */
    static create(opts: CreateOptions): Promise<DiscoNode>;
    /** Open the ledger of an initialised storage folder. */
    static open(opts: DiscoNodeOptions): Promise<DiscoNode>;
    protected _open(): Promise<void>;
    /** Whether this node holds every block of the view and the system core, not only those it read. */
    get holdsWholeState(): boolean;
    /**
     * Resolves once this node holds the whole ledger it knows of: a node that fast-forwarded
     * downloads the rest of the view, the system core and every writer's log in the background
     * (full-copy.ts). Waits on peers: give it a deadline.
     */
    holdsWholeLedger(): Promise<void>;
    /** Join the ledger's swarm: replicate with peers and answer invites. Resolves once joining has
     * begun (`joined` resolves once announced). */
    goOnline(opts: NetworkOptions): Promise<void>;
    /** Leave the swarm and go on working offline (a laptop on a train); goOnline again later. */
    goOffline(): Promise<void>;
    /** Resolves once the swarm has announced and looked up the ledger's topic. */
    joined(): Promise<void>;
    get peers(): number;
    /** The cooperative's mirrors as this node sees them now; offline, none is reached. */
    mirrors(): Promise<MirrorState[]>;
    private ledgerMirrors;
    /** whether this node is on the swarm (a running `disco start`, or a node opened with a network) */
    get online(): boolean;
    /**
     * Resolves once a peer holds this device's log up to and including block `seq` (hypercore
     * tells us how far peers hold it contiguously), so that losing this machine would lose nothing
     * before it. Rejects with NOT_CONFIRMED after `timeoutMs`; the block stays written either way.
     */
    heldByPeer(seq: number, timeoutMs: number): Promise<void>;
    protected _close(): Promise<void>;
    /**
     * Move what the storage engine holds in its write-ahead log into its table files before closing.
     * RocksDB keeps up to a 64 MB write buffer of recent writes, every overwritten tree node and
     * bitfield page included, in its log until the buffer fills; a closed store left that way takes
     * about 1.6× the room (bench P8: 2.3 against 1.4 KB an op for 20,000 imported ops) and replays
     * the log when it opens. Best effort: a full disk or a closed store only leaves the log as it is.
     */
    private compactLog;
    get base(): Autobase<Hyperbee>;
    get key(): Uint8Array;
    /** Federation: witnessing federates' cores, check-ins, disputes (docs/federation.md). */
    get federation(): FederationDesk;
    /** Only for handing to a joiner whose invite was checked: never printed, never logged. */
    encryptionKeyForPairing(): Uint8Array;
    get localKey(): Uint8Array;
    /** the fast-forwards of this node since it opened (the last 16): where it jumped instead of applying */
    get fastForwards(): readonly FastForwardJump[];
    get view(): Hyperbee;
    /** The ledger stopped for good (a newer protocol, a forked device, an I/O failure). */
    get failed(): DiscoError | null;
    private fail;
    private throwIfFailed;
    /**
     * A read-only snapshot of the view, for a query that must see one state. Close it after.
     *
     * Queries share one snapshot while the view does not change, so that the tree nodes one query
     * read are cached for the next (a running node answering calls): a fresh snapshot starts with
     * empty caches and reads every node from storage (bench P5: the first page of entries of a
     * 20,000-op ledger, 34 ms on a fresh snapshot, 8 ms on a warm one). Any update of the ledger
     * retires the shared snapshot; it is closed once its last reader closes it. The next one takes
     * over its caches when the view still holds every block they came from
     * (consensus/bee-cache.ts), so the first query after a change reads from storage only what changed.
     */
    snapshot(): ViewSnapshot;
    /**
     * The shared read snapshot no longer shows the ledger: it stays open as the cache source of the
     * next one, and closes once that one took over and nobody reads it.
     */
    private retireReads;
    /** on close: nothing will take over the last snapshot's caches */
    private releaseReads;
    /**
     * Validate and append ops as this device; resolves to where each landed (its derived id).
     * Calls made while an append is under way are written together in the next block(s).
     */
    append(ops: Op[]): Promise<OpRef[]>;
    private flushPending;
    private writeOps;
}
