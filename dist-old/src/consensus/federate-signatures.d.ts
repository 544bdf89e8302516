import type { HypercoreManifest } from 'hypercore';
import type { Evidence, EvidenceKind } from '../ledger/federation.js';
import type { CheckinOp, SignedState, TreeNode } from '../ledger/ops.js';
/** A check-in must carry the federate's own signature over what it witnessed. */
export declare function verifyCheckin(op: CheckinOp): void;
/**
 * What a dispute's evidence proves (`fork`, `truncation` or `rewrite`: ledger/federation.ts), or a
 * DiscoError (INVALID_EVIDENCE) saying why it proves nothing. Both signatures must verify against
 * the federate's manifest, whose hash is its key.
 */
export declare function verifyEvidence(e: Evidence): EvidenceKind;
/** The signed state a conflict proof (hypercore's `conflict` event) carries, checked against the
 * manifest, or null when it does not verify. */
export declare function signedStateFromProof(manifest: HypercoreManifest, fork: number, upgrade: {
    length: number;
    nodes: TreeNode[];
    additionalNodes: TreeNode[];
    signature: Uint8Array;
}): SignedState | null;
