import { DiscoError } from '../errors.js';
import type { EvidenceKind } from '../ledger/federation.js';
import type { CheckinOp, DisputeOp, SignedState } from '../ledger/ops.js';
import type { OpContext } from './context.js';
import type { ViewTx } from './view-tx.js';
/**
 * Federation in apply (docs/federation.md): check-ins witness a federate's signed history, one per
 * federate per period; a dispute records verified evidence that a federate rewrote its past.
 * Signatures are checked before this (validate-op.ts): here only the ledger's state.
 */
/** A signed state as the view keeps it: hashes and signatures in hex. */
export interface SignedStateView {
    length: number;
    fork: number;
    treeHash: string;
    signature: string;
}
export interface CheckinRecord extends SignedStateView {
    federate: string;
    period: number;
    /** the member whose device checked in, the op, and its time */
    by: string;
    op: string;
    at: number;
}
export interface Federate {
    /** the federate's signed core key (hex): its id */
    id: string;
    name: string;
    /** the swarm topic where it is found (hex) */
    topic: string;
    /** its core's manifest (hex), from the first check-in */
    manifest: string | null;
    trust: number;
    stage: number;
    since: number;
    proposal: string;
    removedAt: number | null;
    checkins: number;
    lastCheckin: CheckinRecord | null;
    disputes: number;
}
export interface DisputeRecord {
    id: string;
    federate: string;
    kind: EvidenceKind;
    manifest: string;
    witnessed: SignedStateView;
    observed: SignedStateView;
    prefix: TreeNodeView[];
    extension: TreeNodeView[];
    by: string;
    at: number;
}
export interface TreeNodeView {
    index: number;
    size: number;
    hash: string;
}
export interface FederationRules {
    days: number;
    proposal: string | null;
    since: number;
}
export declare function signedStateView(s: SignedState): SignedStateView;
export declare function federationRules(tx: ViewTx): Promise<FederationRules>;
export declare function unknownFederate(id: string): DiscoError;
/** Work logged for a federate needs a federate that is one now. */
export declare function checkForCoopTarget(id: string, ctx: OpContext): Promise<void>;
export declare function checkin(op: CheckinOp, ctx: OpContext): Promise<void>;
/** The same two states, in either order, are one dispute. */
export declare function disputeKey(a: SignedState, b: SignedState): string;
export declare function dispute(op: DisputeOp, ctx: OpContext): Promise<void>;
