import { examples, globals } from './options.js';
import { printJson, printLines, table } from './output.js';
import { runCommand } from './node-action.js';
import { STREAMS } from '../../src/ledger/streams.js';
export function statementLines(s) {
    const rows = s.lines.map(l => [
        l.name + (l.paid ? '' : ' (recorded)'),
        ...STREAMS.map(st => `${l.amountsDisplay[st]} (${l.credits[st]})`),
        l.totalDisplay
    ]);
    const out = [
        `statement ${s.month}: ${s.poolDisplay} ${s.currency}, rules v${s.rulesVersion}, ${s.entries} entries`,
        ...table(['MEMBER', 'LIVELIHOOD (credit-min)', 'LOVE (credit-min)', 'CARE (credit-min)', `TOTAL ${s.currency}`], rows),
        s.paid === null ? 'not paid yet (disco paid ' + s.month + ' --reference …)' : `paid ${s.paid.date} by ${s.paidByName ?? '?'}: ${s.paid.reference}`
    ];
    if (s.carried.length > 0)
        out.push(`counted ${s.carried.length} late change(s) to earlier months`);
    if (s.late.length > 0)
        out.push(`${s.late.length} late change(s) since; they do not change this statement (${s.late.filter(l => l.settledIn !== null).length} settled)`);
    return out;
}
export function register(program) {
    examples(program.command('statement')
        .description("a distributed month's statement: each participant's credits and payout per stream (every node prints the same)")
        .argument('[month]', 'YYYY-MM (default: every statement)')
        .action(async (month, _o, c) => {
        const out = await runCommand(c, 'statement', month === undefined ? {} : { month });
        if (globals(c).json === true)
            return printJson(out);
        if (out.statements.length === 0)
            return printLines(['no month has been distributed yet (disco propose distribute <month> <amount> <currency>)']);
        printLines(out.statements.flatMap((s, i) => [...(i > 0 ? [''] : []), ...statementLines(s)]));
    }), ['disco statement 2026-11', 'disco statement 2026-11 --json']);
}
//# sourceMappingURL=statement.js.map