import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('paid')
        .description("record that a distributed month's payouts were paid (members only; once per month)")
        .argument('<month>', 'YYYY-MM')
        .requiredOption('--reference <text>', 'the transfer reference, or whatever lets a treasurer find the payment')
        .option('--date <YYYY-MM-DD>', 'when they were paid (default: today)')
        .action(async (month, o, c) => {
        const out = await runCommand(c, 'paid', { month, ...o });
        if (globals(c).json === true)
            return printJson(out);
        const s = out.statement;
        printLines([`paid: ${s.month}, ${s.poolDisplay} ${s.currency} on ${s.paid?.date ?? '?'} (${s.paid?.reference ?? ''}), recorded by ${s.paidByName ?? '?'}`]);
    }), ['disco paid 2026-11 --reference "SEPA batch 2026-12-03"']);
}
//# sourceMappingURL=paid.js.map