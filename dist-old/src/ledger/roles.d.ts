/**
 * Roles and what each may do (docs/DESIGN.md, "Roles"). Pure data: apply asks these
 * questions with the author's role at that point of the ledger.
 */
export declare const ROLES: readonly ["member", "dater", "contributor", "supporter"];
export type Role = typeof ROLES[number];
export declare function isRole(value: unknown): value is Role;
/** members, daters (as historical credits) and contributors log value; supporters do not. */
export declare function canLogValue(role: Role): boolean;
/** Every participant may name themselves. */
export declare function canSetProfile(_role: Role): boolean;
/** Inviting someone in (as a contributor or a dater) is for full members. */
export declare function canInvite(role: Role): boolean;
/** Members and daters make proposals (docs/governance.md, "Who votes"). */
export declare function canPropose(role: Role): boolean;
/**
 * How a participant's vote counts on a proposal: binding, recorded only, or not at all.
 * Supporters vote (binding) only where a proposal asks all constituents.
 */
export declare function voteWeight(role: Role, audience: 'members' | 'all'): 'binding' | 'recorded' | 'none';
/** Whose votes bind, for counting "more than half of the voters". */
export declare function bindingRoles(audience: 'members' | 'all'): Role[];
/** Endorsing another's entry vouches for it: for full members. */
export declare function canEndorse(role: Role): boolean;
/** Recording income and payments is the books of the whole cooperative: for full members. */
export declare function canKeepBooks(role: Role): boolean;
