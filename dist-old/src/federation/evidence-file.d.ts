import type { Evidence, EvidenceKind } from '../ledger/federation.js';
/**
 * The evidence file (`disco federation --evidence <id> -o file`, `disco verify-evidence <file>`):
 * JSON, binary values in hex, versioned by `format`. It holds everything a third party needs:
 * the federate's key, its manifest (whose hash is the key, and which names the signers) and the
 * two signed states, with the merkle proof when one is needed.
 */
export declare const EVIDENCE_FORMAT = "disco-federation-evidence/1";
interface StateJson {
    length: number;
    fork: number;
    treeHash: string;
    signature: string;
}
interface NodeJson {
    index: number;
    size: number;
    hash: string;
}
export interface EvidenceJson {
    format: typeof EVIDENCE_FORMAT;
    kind: EvidenceKind;
    federate: string;
    /** the name the witnessing cooperative knows it by (not part of the proof) */
    name?: string;
    manifest: string;
    witnessed: StateJson;
    observed: StateJson;
    prefix: NodeJson[];
    extension: NodeJson[];
}
export declare function evidenceToJson(e: Evidence, name?: string): EvidenceJson;
/** Parse an evidence file's JSON (not yet checked: verifyEvidence does that). */
export declare function evidenceFromJson(v: unknown): Evidence;
export {};
