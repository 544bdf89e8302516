import { examples, globals } from './options.js';
import { printJson, printLines, table } from './output.js';
import { runCommand } from './node-action.js';
import { STREAMS } from '../../src/ledger/streams.js';
export function register(program) {
    examples(program.command('credits')
        .description('credit-minutes per participant and stream: what a distribution would weigh (docs/accounting.md)')
        .option('--month <YYYY-MM>', 'this month (default: the current one); a distributed month shows the credits that counted')
        .option('--member <name-or-id>', 'only this participant')
        .option('--lifetime', 'all months, under the rules in force now')
        .action(async (o, c) => {
        const out = await runCommand(c, 'credits', o);
        if (globals(c).json === true)
            return printJson(out);
        const source = out.source === 'statement' ? `as distributed, rules v${out.rulesVersion}` : `under rules v${out.rulesVersion}`;
        const rows = out.rows.map(r => [r.name + (r.paid ? '' : ' (recorded only)'), ...STREAMS.map(s => String(r.credits[s]))]);
        printLines([`credits ${out.period} (${source})`, ...(rows.length === 0 ? ['nobody has credits'] : table(['PARTICIPANT', 'LIVELIHOOD', 'LOVE', 'CARE'], rows))]);
    }), ['disco credits', 'disco credits --month 2026-11 --member Ana', 'disco credits --lifetime']);
}
//# sourceMappingURL=credits.js.map