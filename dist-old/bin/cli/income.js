import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { moneyText } from './format.js';
export function register(program) {
    examples(program.command('income')
        .description('record money the cooperative received (members only); it shows in disco report and disco export')
        .argument('<amount>', 'a plain decimal, e.g. 2500.00')
        .argument('<currency>', 'ISO 4217 code, e.g. EUR')
        .requiredOption('--from <client>', 'who paid it')
        .option('--date <YYYY-MM-DD>', 'when it came in (default: today)')
        .option('-m, --message <text>', 'what it was for')
        .option('--key <key>', 'an idempotency key: recording the same key again writes nothing')
        .action(async (amount, currency, o, c) => {
        const out = await runCommand(c, 'income', { amount, currency, ...o });
        if (globals(c).json === true)
            return printJson(out);
        const i = out.income;
        printLines([`${out.duplicate ? 'already recorded' : 'recorded'}: ${i.date}  ${moneyText(i.money)} from ${i.client}${i.description !== '' ? `  "${i.description}"` : ''}`]);
    }), ['disco income 2500.00 EUR --from "Acme Co-op" -m "invoice 2026-11"', 'disco income 120000 JPY --from Kobo --date 2026-11-28 --key inv-31']);
}
//# sourceMappingURL=income.js.map