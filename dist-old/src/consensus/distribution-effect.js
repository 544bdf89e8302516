import { DiscoError } from '../errors.js';
import { MESSAGES, renderError } from '../error-messages.js';
import { monthEndTime } from '../ledger/dates.js';
import { computeStatement } from '../ledger/statement.js';
import { currentRules } from './rules-state.js';
import { keys } from './view-layout.js';
import { ledgerNow } from './ledger-clock.js';
import { entryFromKey } from './entry-record.js';
/** Why the month cannot be distributed now, as a DiscoError; null if it can. */
export async function distributable(month, ctx) {
    if (await ctx.tx.get(keys.statement(month)) !== null)
        return DiscoError.monthDistributed(month);
    // the ledger time, not the author's claim: one participant's clock cannot end a month early
    if (await ledgerNow(ctx.tx) < monthEndTime(month))
        return DiscoError.monthNotOver(month);
    return null;
}
async function monthEntries(tx, month) {
    const { gte, lt } = keys.entriesDated(`${month}-`);
    return (await tx.rangeJson(gte, lt)).map(([key, record]) => entryFromKey(key, record));
}
/** The statement the action would write, or the reason (a proposal failure) it cannot. */
export async function computeDistribution(a, ctx, proposal) {
    const problem = await distributable(a.month, ctx);
    // A proposal's failure reason is still words in the view (PROTOCOL.md, "Words in the view"):
    // these are the built-in catalogue's, whatever catalogue renders messages for people, so that
    // a translation cannot reach the view.
    if (problem !== null)
        return renderError(problem.code, problem.params ?? {}, MESSAGES);
    const { version, rules } = await currentRules(ctx.tx);
    const members = (await ctx.tx.rangeJson(keys.members.gt, keys.members.lt)).map(([, m]) => m);
    const settles = (await ctx.tx.rangeJson(keys.lates.gt, keys.lates.lt)).map(([, l]) => l).filter(l => l.settledIn === null);
    const carried = rules.late === 'carry' ? settles.flatMap(l => l.deltas) : [];
    const result = computeStatement({
        month: a.month,
        currency: a.pool.currency,
        pool: a.pool.amount,
        rules,
        rulesVersion: version,
        participants: members.map(m => ({ id: m.id, name: m.name, role: m.role })),
        entries: await monthEntries(ctx.tx, a.month),
        carried
    });
    if (!result.ok)
        return result.problem;
    return {
        statement: {
            month: a.month,
            currency: a.pool.currency,
            pool: a.pool.amount,
            rulesVersion: version,
            proposal,
            decidedBy: ctx.id,
            closedAt: ctx.time,
            streams: result.streams,
            lines: result.lines,
            entries: result.entries,
            carried: [...new Set(settles.map(l => l.id))],
            paid: null
        },
        settles
    };
}
export async function writeDistribution({ statement, settles }, ctx) {
    const counted = (await currentRules(ctx.tx)).rules.late === 'carry';
    await ctx.tx.put(keys.statement(statement.month), statement);
    for (const l of settles)
        await ctx.tx.put(keys.late(l.month, l.id), { ...l, settledIn: statement.month, counted });
}
//# sourceMappingURL=distribution-effect.js.map