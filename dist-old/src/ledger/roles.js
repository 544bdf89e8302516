/**
 * Roles and what each may do (docs/DESIGN.md, "Roles"). Pure data: apply asks these
 * questions with the author's role at that point of the ledger.
 */
export const ROLES = ['member', 'dater', 'contributor', 'supporter'];
export function isRole(value) {
    return typeof value === 'string' && ROLES.includes(value);
}
/** members, daters (as historical credits) and contributors log value; supporters do not. */
export function canLogValue(role) {
    return role === 'member' || role === 'dater' || role === 'contributor';
}
/** Every participant may name themselves. */
export function canSetProfile(_role) {
    return true;
}
/** Inviting someone in (as a contributor or a dater) is for full members. */
export function canInvite(role) {
    return role === 'member';
}
/** Members and daters make proposals (docs/governance.md, "Who votes"). */
export function canPropose(role) {
    return role === 'member' || role === 'dater';
}
/**
 * How a participant's vote counts on a proposal: binding, recorded only, or not at all.
 * Supporters vote (binding) only where a proposal asks all constituents.
 */
export function voteWeight(role, audience) {
    if (role === 'member')
        return 'binding';
    if (role === 'supporter')
        return audience === 'all' ? 'binding' : 'none';
    if (role === 'dater')
        return 'recorded';
    return 'none';
}
/** Whose votes bind, for counting "more than half of the voters". */
export function bindingRoles(audience) {
    return audience === 'all' ? ['member', 'supporter'] : ['member'];
}
/** Endorsing another's entry vouches for it: for full members. */
export function canEndorse(role) {
    return role === 'member';
}
/** Recording income and payments is the books of the whole cooperative: for full members. */
export function canKeepBooks(role) {
    return role === 'member';
}
//# sourceMappingURL=roles.js.map