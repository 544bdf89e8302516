import { entryMonth } from '../ledger/entries.js';
import { entryCredits } from '../ledger/statement.js';
import { currentRules } from './rules-state.js';
import { keys } from './view-layout.js';
/** Record the change from `before` to `after` (null: the entry did not exist / no longer counts)
 * for each distributed month it touches. */
export async function noteLate(ctx, kind, before, after) {
    const entry = (after ?? before);
    const months = new Set();
    if (before !== null)
        months.add(entryMonth(before));
    if (after !== null)
        months.add(entryMonth(after));
    for (const month of months) {
        const statement = await ctx.tx.get(keys.statement(month));
        if (statement === null)
            continue;
        const { rules } = await currentRules(ctx.tx);
        const credits = (e) => e === null || entryMonth(e) !== month ? 0n : entryCredits(e, rules, statement.currency);
        const deltas = [];
        if (before !== null && after !== null && before.stream === after.stream) {
            deltas.push({ member: entry.member, stream: after.stream, credits: credits(after) - credits(before) });
        }
        else {
            if (before !== null)
                deltas.push({ member: entry.member, stream: before.stream, credits: -credits(before) });
            if (after !== null)
                deltas.push({ member: entry.member, stream: after.stream, credits: credits(after) });
        }
        const changes = deltas.filter(d => d.credits !== 0n).map(d => ({ ...d, credits: d.credits.toString() }));
        // an endorsement that changes no credits (the rules do not ask for one) is no late change
        if (kind === 'endorsed' && changes.length === 0)
            continue;
        await ctx.tx.put(keys.late(month, ctx.id), {
            id: ctx.id, entry: entry.id, member: entry.member, kind, month, at: ctx.time, deltas: changes, settledIn: null, counted: false
        });
    }
}
//# sourceMappingURL=late.js.map