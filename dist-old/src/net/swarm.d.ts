import { EventEmitter } from 'node:events';
import Hyperswarm from 'hyperswarm';
import HyperDHT from 'hyperdht';
import type { Duplex } from 'node:stream';
import type { BootstrapPeer } from './bootstrap.js';
export interface NetworkOptions {
    /** DHT nodes to bootstrap from; the public HyperDHT when absent */
    bootstrap?: BootstrapPeer[];
    /** the address the DHT binds to. On a loopback testnet this must be 127.0.0.1: a DHT bound to
     * 0.0.0.0 advertises a LAN address and its connections come up half-open (docs/DESIGN.md, "The stack"). */
    host?: string;
    /** mirror keys (hex) to use before the ledger names any: tests and the benchmark */
    mirrors?: string[];
}
/**
 * The ledger's presence on the network: one swarm that joins the ledger's discovery key and hands
 * every connection to `replicate`. It knows nothing of ops or views (docs/DESIGN.md, "Layers": net never decodes).
 */
export declare class Network extends EventEmitter {
    readonly swarm: Hyperswarm;
    private readonly replicate;
    private lonely;
    constructor(opts: NetworkOptions, replicate: (conn: Duplex) => void);
    get peers(): number;
    /**
     * Announce on and look up the topic. Waits for the announce before looking (docs/DESIGN.md, "The stack": when every
     * peer joins at once, a plain flush can return with no connection).
     */
    join(topic: Uint8Array): Promise<void>;
    /**
     * Also look for peers on another topic (a federate's, to replicate its signed core: witness
     * links, docs/federation.md). Every connection is replicated the same way; what gets exchanged
     * is whatever cores both sides have open.
     */
    joinTopic(topic: Uint8Array): Promise<void>;
    leaveTopic(topic: Uint8Array): Promise<void>;
    destroy(): Promise<void>;
}
/** A DHT node on the network the options name (a mirror's swarm uses one too: src/mirror). */
export declare function makeDht(opts: NetworkOptions): HyperDHT;
