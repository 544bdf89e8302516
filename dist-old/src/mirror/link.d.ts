import type HyperDHT from 'hyperdht';
import type Corestore from 'corestore';
import type Autobase from 'autobase';
import type Hyperbee from 'hyperbee';
import type Hypercore from 'hypercore';
/** What `disco status` shows of one mirror. */
export interface MirrorState {
    /** the mirror's key (hex) */
    key: string;
    /** whether this node holds a connection to it now */
    reached: boolean;
    /**
     * blocks of the ledger's cores this node holds that the mirror has not told it it holds:
     * 0 when the mirror keeps all this node knows; null when it has not been reached
     */
    behind: number | null;
}
/**
 * A node's side of its cooperative's mirrors (always-on blind peers, src/mirror/service.ts): asks
 * each to keep the ledger through Holepunch's blind-peering client, which connects to the mirror,
 * sends it the keys and lengths of the autobase's cores (this device's log, the writers' logs, the
 * view and system core) and replicates the corestore over that connection. So the node both hands
 * its blocks to the mirror and fetches what the mirror holds, like from any peer. The mirror gets
 * core keys and encrypted blocks; never the ledger's encryption key, which nothing here sends.
 */
export declare class MirrorLink {
    private readonly base;
    private readonly ledgerMirrors;
    private readonly extra;
    private readonly peering;
    private keys;
    private reading;
    private readAgain;
    private closed;
    /**
     * @param ledgerMirrors reads the mirrors the ledger names now (hex keys)
     * @param extra mirrors to use whatever the ledger says (the benchmark's)
     */
    constructor(dht: HyperDHT, store: Corestore, base: Autobase<Hyperbee>, ledgerMirrors: () => Promise<string[]>, extra?: string[]);
    /** Read the ledger's mirrors again (after an update of the ledger); calls made meanwhile coalesce. */
    refresh(): void;
    /** Use these mirrors (hex keys); asks each new one to keep the ledger. */
    private use;
    get mirrorKeys(): readonly string[];
    /**
     * Whether a connection to each mirror is up, and how far behind this node's copy it is: per
     * core, the blocks up to `length` (what this node can hand on: its own log whole, the view and
     * system core as far as the indexers signed them) that the mirror has not said it holds.
     */
    states(cores: Array<{
        core: Hypercore;
        length: number;
    }>): MirrorState[];
    close(): Promise<void>;
}
