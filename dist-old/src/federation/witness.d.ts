import { EventEmitter } from 'node:events';
import type Corestore from 'corestore';
import type { Evidence } from '../ledger/federation.js';
import type { SignedHead } from './heads.js';
/**
 * The witness side of federation (docs/federation.md): it opens each federate's signed core by
 * key in this node's corestore (so that every swarm connection replicates it; blocks stay
 * ciphertext, the federate's encryption key is never here), remembers its last signed head, and
 * turns what hypercore proves into evidence:
 * - a `conflict` (two signed histories met: hypercore freezes the core and hands over the proof);
 * - an audit against the ledger's check-ins: a signed head at a witnessed length with another tree
 *   hash, or a truncation below a witnessed length;
 * - a peer whose signed continuation does not verify on the history held here: the prober
 *   (probe.ts) fetches that peer's history and proves it another one.
 * It decodes no op and writes nothing to the ledger: the node does that with what it reports.
 */
export interface Finding {
    federate: string;
    name: string;
    /** verified evidence, ready for a dispute op; null when the mismatch cannot be proven offline */
    evidence: Evidence | null;
    message: string;
}
/** Fetches the history a peer serves and proves it another (probe.ts); given by the node, which
 * knows the network. */
export type Prober = (key: Uint8Array, peer: Uint8Array, witnessed: SignedHead) => Promise<Evidence | null>;
/** What a check-in witnessed, as the view keeps it (hex). */
export interface Witnessed {
    length: number;
    fork: number;
    treeHash: string;
    signature: string;
}
export declare class Witness extends EventEmitter {
    private readonly store;
    private readonly watched;
    /** set while on the network */
    prober: Prober | null;
    constructor(store: Corestore);
    has(id: string): boolean;
    ids(): string[];
    isFrozen(id: string): boolean;
    /** Open a federate's core by key (idempotent). */
    watch(id: string, name: string): Promise<void>;
    unwatch(id: string): Promise<void>;
    close(): Promise<void>;
    /** Ask connected peers for the federate's latest signed length. */
    update(id: string): Promise<void>;
    /** The federate's signed head as this node holds it now (local storage, no network). */
    head(id: string): Promise<SignedHead | null>;
    private remember;
    /**
     * Compare the federate's core with what this cooperative witnessed. Returns a finding when its
     * history no longer extends a check-in; null when it does (or this node cannot tell yet).
     */
    audit(id: string, witnessed: Witnessed[]): Promise<Finding | null>;
    private proven;
    private onConflict;
    private suspect;
    private checked;
}
