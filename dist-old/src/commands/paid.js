import { getStatement } from '../consensus/accounting-queries.js';
import { throwIfRejected } from './read-back.js';
import { DiscoError } from '../errors.js';
import { parseDate, parseMonth, today } from '../ledger/dates.js';
import { opId } from '../ledger/ids.js';
import { canKeepBooks } from '../ledger/roles.js';
import { validateOp } from '../ledger/validate.js';
import { localMember } from './session.js';
import { statementView } from './statement.js';
/** Record that a distributed month's payouts were paid. */
export async function paid(node, input) {
    const op = {
        type: 'paid',
        month: parseMonth(input.month),
        day: input.date === undefined ? today() : parseDate(input.date),
        reference: (input.reference ?? '').trim()
    };
    validateOp(op);
    const me = await localMember(node);
    if (!canKeepBooks(me.role))
        throw DiscoError.notAllowed(me.role, 'mark-paid');
    let snap = node.snapshot();
    try {
        const s = await getStatement(snap, op.month);
        if (s === null)
            throw DiscoError.statementNotFound(op.month);
        if (s.paid !== null)
            throw DiscoError.alreadyPaid(op.month);
    }
    finally {
        await snap.close();
    }
    const [ref] = await node.append([op]);
    snap = node.snapshot();
    try {
        await throwIfRejected(snap, opId(ref));
        return { statement: await statementView(snap, op.month) };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=paid.js.map