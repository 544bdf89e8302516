import { EventEmitter } from 'node:events';
import type { OpRef } from '../ledger/ops.js';
import type { Network, NetworkOptions } from '../net/swarm.js';
import type { DiscoNode } from '../node.js';
import type { Witness } from './witness.js';
import type { SignedHead } from './heads.js';
/** What a running node says about its federates (`disco start` prints these). */
export type FederationEvent = {
    type: 'checkin';
    federate: string;
    name: string;
    length: number;
} | {
    type: 'dispute';
    federate: string;
    name: string;
    message: string;
    evidence: boolean;
    recorded: boolean;
};
/**
 * The node's federation work (docs/federation.md): it follows the view's list of federates, opens
 * their cores in the witness and joins their topics, checks in once a period while it runs, audits
 * each core against the check-ins, and records a dispute with the evidence when a federate rewrote
 * its past. The net layer only joins topics; what is decided here reads the view.
 */
export declare class FederationDesk extends EventEmitter {
    private readonly node;
    private readonly witness;
    private network;
    private readonly topics;
    private readonly reported;
    private timer;
    private running;
    /** ends the probes under way when the node closes */
    private readonly probes;
    private readonly probing;
    constructor(node: DiscoNode, witness: Witness);
    /** This cooperative's federation code: its signed core's key and its swarm topic. */
    code(): string;
    /** Witness while on the network: a round now, then one every `interval` ms. */
    start(network: Network, interval: number, options: NetworkOptions): void;
    stop(offline?: boolean): void;
    close(): Promise<void>;
    /** One pass over the federates; a call while one runs waits for that one. */
    round(): Promise<void>;
    private pass;
    /** Open a federate's core (if this node does not yet) and read its signed head from storage. */
    head(id: string): Promise<SignedHead | null>;
    /** Append a check-in of the federate's signed head; null when nothing of it reached this node. */
    checkin(id: string): Promise<{
        ref: OpRef;
        length: number;
    } | null>;
    /** Say what was found, once; record a dispute when the evidence is there and not yet recorded. */
    private report;
    private record;
}
