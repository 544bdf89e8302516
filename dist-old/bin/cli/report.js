import { examples, globals } from './options.js';
import { printJson, printLines, table } from './output.js';
import { runCommand } from './node-action.js';
import { moneyText } from './format.js';
import { formatMinutes } from '../../src/ledger/duration.js';
export function register(program) {
    examples(program.command('report')
        .description('hours, credits, money earned, income and payouts over a period, grouped by member, stream, project or client')
        .option('--month <YYYY-MM>', 'one month')
        .option('--from <YYYY-MM-DD>', 'from this day')
        .option('--to <YYYY-MM-DD>', 'to this day (inclusive)')
        .option('--by <group>', 'member (default), stream, project, client or coop (work for each federated cooperative)')
        .action(async (o, c) => {
        const out = await runCommand(c, 'report', o);
        if (globals(c).json === true)
            return printJson(out);
        const line = (r) => [
            r.label, r.minutes === 0 ? '-' : formatMinutes(r.minutes), String(r.credits),
            moneyText(r.money) || '-', moneyText(r.income) || '-', moneyText(r.payouts) || '-'
        ];
        printLines([
            `report ${out.period.label}, by ${out.by} (credits under rules v${out.rulesVersion})`,
            ...table([out.by.toUpperCase(), 'HOURS', 'CREDITS', 'EARNED', 'INCOME', 'PAYOUTS'], [...out.rows.map(line), line(out.total)])
        ]);
    }), ['disco report --month 2026-11', 'disco report --from 2026-01-01 --to 2026-06-30 --by project', 'disco report --by client --json', 'disco report --by coop --month 2026-11']);
}
//# sourceMappingURL=report.js.map