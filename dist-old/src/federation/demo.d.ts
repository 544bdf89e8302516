import type { ReportRow } from '../commands/report.js';
import type { FederationOutput } from '../commands/federation.js';
import type { VerifiedEvidence } from '../commands/verify-evidence.js';
import type { EvidenceJson } from './evidence-file.js';
import type { FederationEvent } from './desk.js';
export interface FederationDemoOutput {
    folder: string;
    kept: boolean;
    /** each cooperative's `disco federation`, at the end */
    federations: Array<{
        cooperative: string;
        federation: FederationOutput;
    }>;
    /** Guerrilla Translation's `disco report --by coop` */
    byCoop: ReportRow[];
    /** what Guerrilla Translation's running node printed about its federates */
    events: FederationEvent[];
    evidence: EvidenceJson;
    verdict: VerifiedEvidence;
}
/**
 * `disco demo --federation`: two cooperatives of two members each on this machine (loopback only)
 * federate by code and proposal, witness each other's signed ledger without its encryption key,
 * set a trust value, log work for each other; then a rewritten copy of Roots Radio's ledger,
 * signed with its indexer's key, reaches Guerrilla Translation's node, which catches it and
 * records a dispute whose evidence a third party can verify.
 */
export declare function runFederationDemo(opts?: {
    keep?: string;
    onStep?: (text: string) => void;
}): Promise<FederationDemoOutput>;
