import type { DisputeOp, SignedState, TreeNode } from './ops.js';
/**
 * Federation (docs/federation.md), the parts free of the stack: the rules of trust values, journey
 * stages and check-in periods, the federation code, and the one check that matters most: whether
 * two signed states of a federate's core prove that it rewrote its past. Everything here is pure,
 * so apply can run it on what peers send.
 */
/** Trust values run 0-100. */
export declare const MAX_TRUST = 100;
/** The DisCO journey of growing trust between cooperatives has seven stages; the ledger numbers
 * them 1-7 (what each stage means is the federation's to agree). */
export declare const JOURNEY_STAGES = 7;
/** Check-ins every 7 days until a `checkins` proposal says otherwise. */
export declare const DEFAULT_CHECKIN_DAYS = 7;
export declare const MAX_CHECKIN_DAYS = 366;
export declare function checkFederateName(name: string): void;
/** A contribution's `forCoop`: a federate's id, 64 hex (the CLI resolves a name to it). */
export declare function checkForCoop(id: string): void;
export declare function checkTrust(value: number, stage: number): void;
export declare function checkCheckinDays(days: number): void;
export declare function checkManifestBytes(manifest: Uint8Array): void;
export declare function checkTreeNodes(what: string, nodes: TreeNode[]): void;
export declare function checkSignedState(what: string, s: SignedState): void;
/** The check-in period a time falls in: whole periods of `days` since 1970-01-01 (UTC). */
export declare function checkinPeriod(time: number, days: number): number;
/** The first day of a period, as ms since the epoch. */
export declare function periodStart(period: number, days: number): number;
export type EvidenceKind = 'fork' | 'truncation' | 'rewrite';
/** What a dispute carries: two signed states of the federate's core, and a merkle proof when needed. */
export type Evidence = Omit<DisputeOp, 'type'>;
/**
 * What two signed states prove, or a DiscoError saying why they prove nothing:
 * - `fork`: two different tree hashes signed at the same length: two histories;
 * - `truncation`: a shorter history signed under a later fork id than a longer one: the federate
 *   cut its signed past and wrote on from there (hypercore raises the fork id only on truncation);
 * - `rewrite`: a longer signed history whose merkle roots at the witnessed length (`prefix`, tied
 *   to its signature by `extension`) hash to another tree than the witnessed one.
 *
 * This is the rule alone: the caller has checked that both states are signed by the federate (whose
 * manifest hashes to its key), and `proofHolds` says whether the prefix and extension lead to the
 * observed signed state (hypercore's merkle check, through src/stack); it is asked only for a
 * rewrite. consensus/federate-signatures.ts `verifyEvidence` does all of it.
 */
export declare function evidenceKind(e: Evidence, proofHolds: () => boolean): EvidenceKind;
export interface FederationCode {
    key: Uint8Array;
    topic: Uint8Array;
}
export declare function encodeFederationCode(c: FederationCode): string;
export declare function decodeFederationCode(text: string): FederationCode;
