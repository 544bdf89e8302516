import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { COOP_KEY, ROLE_COUNTS_KEY, keys } from './view-layout.js';
/** The member the writing device belongs to, if they are still a participant. */
export async function author(ctx) {
    if (await ctx.tx.get(COOP_KEY) === null)
        throw DiscoError.notFounded();
    const device = await ctx.tx.get(keys.device(ctx.writerHex));
    if (device === null)
        throw DiscoError.unknownDevice();
    const member = await ctx.tx.get(keys.member(device.member));
    if (member === null)
        throw DiscoError.unknownDevice();
    if (member.removedAt !== undefined)
        throw DiscoError.removed();
    return member;
}
export async function adjustRoleCount(tx, role, delta) {
    const counts = await tx.get(ROLE_COUNTS_KEY) ?? {};
    await tx.put(ROLE_COUNTS_KEY, { ...counts, [role]: (counts[role] ?? 0) + delta });
}
export function writerHex(key) {
    return b4a.toString(key, 'hex');
}
/** An idempotency key ('' for none) is used once: a second op with it is refused, naming the first. */
export async function claimKey(ctx, viewKey, key) {
    if (key === '')
        return;
    const used = await ctx.tx.get(viewKey);
    if (used !== null)
        throw DiscoError.duplicateKey(key, used.id);
    await ctx.tx.put(viewKey, { id: ctx.id });
}
//# sourceMappingURL=context.js.map