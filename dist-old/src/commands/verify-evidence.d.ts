import type { EvidenceKind } from '../ledger/federation.js';
export interface VerifiedEvidence {
    valid: true;
    kind: EvidenceKind;
    federate: string;
    name: string | null;
    message: string;
}
/**
 * `disco verify-evidence <file>`: check a dispute's evidence offline, with no ledger and no key but
 * the federate's public one (its manifest is in the file, and its hash must be the federate's key).
 * Throws INVALID_EVIDENCE (a `state` error: exit 1) when it proves nothing.
 */
export declare function verifyEvidenceText(text: string): VerifiedEvidence;
