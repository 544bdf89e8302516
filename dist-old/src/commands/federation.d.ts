import type { EvidenceJson } from '../federation/evidence-file.js';
import type { DiscoNode } from '../node.js';
/** A federate as `disco federation` shows it. */
export interface FederateView {
    id: string;
    name: string;
    trust: number;
    stage: number;
    since: number;
    removed: boolean;
    checkins: number;
    lastCheckin: {
        length: number;
        at: number;
        by: string;
        op: string;
    } | null;
    /** the federate's signed length as this node holds it (null: nothing of it reached this node) */
    signedLength: number | null;
    /** how far the federate's signed history is past the last check-in */
    behind: number | null;
    disputes: number;
}
export interface DisputeView {
    id: string;
    shortId: string;
    federate: string;
    name: string;
    kind: string;
    at: number;
    witnessedLength: number;
    observedLength: number;
}
export interface FederationOutput {
    /** this cooperative's own federation code */
    code: string;
    /** days between check-ins */
    checkinDays: number;
    federates: FederateView[];
    disputes: DisputeView[];
}
/** `disco federation`: federates, their check-ins, how far behind, trust and stage, disputes. */
export declare function federation(node: DiscoNode, input?: {
    removed?: boolean;
}): Promise<FederationOutput>;
/** `disco federation invite`: the code another cooperative proposes `disco federate add` with. */
export declare function federationInvite(node: DiscoNode): Promise<{
    code: string;
    key: string;
    topic: string;
}>;
/** `disco federation --evidence <id>`: a recorded dispute's evidence, as a file for a third party. */
export declare function federationEvidence(node: DiscoNode, input: {
    id: string;
}): Promise<{
    evidence: EvidenceJson;
}>;
