import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { balanceTable } from './format.js';
export function register(program) {
    examples(program.command('balance')
        .description('hours (and entries) per member and stream, and money earned, for a month or all time')
        .option('--member <name-or-id>', 'only this member')
        .option('--month <YYYY-MM>', 'only this month (default: all time)')
        .action(async (o, c) => {
        const out = await runCommand(c, 'balance', o);
        if (globals(c).json === true)
            return printJson(out);
        printLines([`period: ${out.period === 'all' ? 'all time' : out.period}`, ...balanceTable(out.members, out.total)]);
    }), ['disco balance', 'disco balance --month 2026-11 --member Ana']);
}
//# sourceMappingURL=balance.js.map