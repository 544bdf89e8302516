import type { ContributionFields, ContributionPatch, Op } from './ops.js';
/**
 * Content validation of ops, shared by the handlers (before anything is appended) and by apply
 * (on what arrives from peers). Throws a DiscoError naming the first problem; pure and
 * deterministic. What needs the ledger's state (roles, references) is checked in apply. A
 * check-in's or a dispute's signatures are hypercore's to check, not the ledger's: the node and
 * apply call consensus/validate-op.ts, which runs this and then those.
 */
export declare function validateOp(op: Op): void;
/** A whole value entry: what a contribution says, or what an entry says after an amend. */
export declare function validateContribution(f: ContributionFields): void;
/** Each field of a patch on its own; the merged entry is validated again in apply. */
export declare function validatePatch(patch: ContributionPatch): void;
export declare function checkMoney(amount: number, currency: string): void;
export declare function checkText(field: string, value: string, max: number, opts?: {
    required?: boolean;
    multiline?: boolean;
}): void;
