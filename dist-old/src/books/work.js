import { entryCredits } from '../ledger/statement.js';
/**
 * The work in the books: every active entry as a transaction in two commodities of its own,
 * MINUTES (the entry's minutes: exact, where hours would need rounding) and CREDITS (the
 * credit-minutes it earns under the rules in force, when it earns any). The member's side is
 * `Assets:Work:<member>:<Stream>[:<project>]`, so that `hledger bal Assets:Work --depth 4` shows
 * per member and stream what `disco balance` shows; the other side is `Equity:Work:<Stream>`, what
 * the members contributed. Retracted entries stop counting, as in every report.
 */
export const MINUTES = 'MINUTES';
export const CREDITS = 'CREDITS';
export const WORK_UNITS = [MINUTES, CREDITS];
export function isWorkUnit(commodity) {
    return WORK_UNITS.includes(commodity);
}
export function workTransactions(input) {
    const names = new Map(input.members.map(m => [m.id, m.name]));
    const txs = [];
    for (const e of input.entries) {
        if (e.status !== 'active')
            continue;
        const name = names.get(e.member) ?? e.member.slice(0, 8);
        const work = { kind: 'work', member: e.member, name, stream: e.stream, project: e.project };
        const contributed = { kind: 'contributed', stream: e.stream };
        const postings = [
            { account: work, amount: e.minutes, currency: MINUTES },
            { account: contributed, amount: -e.minutes, currency: MINUTES }
        ];
        // exact as BigInt; a posting's amount is a number, which the books check is a safe integer
        const credits = Number(entryCredits(e, input.rules, input.currency ?? ''));
        if (credits > 0) {
            postings.push({ account: work, amount: credits, currency: CREDITS }, { account: contributed, amount: -credits, currency: CREDITS });
        }
        const description = e.description.trim() === '' ? `${e.stream} work` : e.description;
        txs.push({ date: e.date, id: e.id, payee: name, description, postings });
    }
    return txs;
}
//# sourceMappingURL=work.js.map