import { getStatement, listLate, listStatements } from '../consensus/accounting-queries.js';
import { listMembers } from '../consensus/queries.js';
import { DiscoError } from '../errors.js';
import { parseMonth } from '../ledger/dates.js';
import { STREAMS } from '../ledger/streams.js';
import { nameOf } from './proposal-view.js';
import { moneyView } from './views.js';
export async function statementView(r, month) {
    const s = await getStatement(r, month);
    if (s === null)
        throw DiscoError.statementNotFound(month);
    return await viewOf(r, s);
}
async function viewOf(r, s) {
    const members = new Map((await listMembers(r)).map(m => [m.id, m]));
    const display = (amount) => moneyView(amount, s.currency).display;
    return {
        ...s,
        poolDisplay: display(s.pool),
        lines: s.lines.map(l => ({
            ...l,
            amountsDisplay: Object.fromEntries(STREAMS.map(st => [st, display(l.amounts[st])])),
            totalDisplay: display(l.total)
        })),
        paidByName: s.paid === null ? null : nameOf(members, s.paid.by),
        late: await listLate(r, s.month)
    };
}
/** `disco statement <month>`, or every statement when no month is named. */
export async function statement(node, input) {
    const snap = node.snapshot();
    try {
        if (input.month !== undefined)
            return { statements: [await statementView(snap, parseMonth(input.month))] };
        const out = [];
        for (const s of await listStatements(snap))
            out.push(await viewOf(snap, s));
        return { statements: out };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=statement.js.map