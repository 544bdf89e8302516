import { writeFile, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { examples, globals } from './options.js';
import { printJson } from './output.js';
import { runCommand } from './node-action.js';
import { DiscoError } from '../../src/errors.js';
export function register(program) {
    examples(program.command('export')
        .description('the books as an hledger journal or a beancount file (the work in MINUTES and CREDITS per member, stream and project; income, distributions, payments), CSV (the money only), or ValueFlows JSON-LD (work, income and payouts as economic events)')
        .requiredOption('--format <format>', 'hledger, beancount, csv or valueflows')
        .option('--month <YYYY-MM>', 'one month')
        .option('--from <YYYY-MM-DD>', 'from this day')
        .option('--to <YYYY-MM-DD>', 'to this day (inclusive)')
        .option('-o, --output <file>', 'write to this file (default: standard output)')
        .action(async (o, c) => {
        const { output, ...input } = o;
        const out = await runCommand(c, 'export', input);
        if (output !== undefined) {
            // whole or not at all: a half-written journal would be worse than none
            const path = resolve(output);
            const tmp = `${path}.${process.pid}.tmp`;
            try {
                await writeFile(tmp, out.content);
                await rename(tmp, path);
            }
            catch (err) {
                throw DiscoError.invalidArgument(`cannot write ${path}: ${err.message}`);
            }
            if (globals(c).json === true)
                return printJson({ ...out, content: undefined, path });
            const what = out.format === 'valueflows' ? 'economic events' : 'transactions';
            const work = out.format === 'csv' ? '' : `, ${out.work} of them work`;
            process.stderr.write(`wrote ${out.transactions} ${what}${work} (${out.period.label}) to ${path}\n`);
            return;
        }
        if (globals(c).json === true)
            return printJson(out);
        process.stdout.write(out.content);
    }), [
        'disco export --format hledger --month 2026-11 -o coop-2026-11.journal && hledger -f coop-2026-11.journal bal',
        'disco export --format hledger -o coop.journal && hledger -f coop.journal bal Assets:Work --depth 4 cur:MINUTES',
        'disco export --format beancount -o coop.beancount && bean-check coop.beancount',
        'disco export --format csv --from 2026-01-01 --to 2026-12-31 > books-2026.csv',
        'disco export --format valueflows --month 2026-11 -o coop-2026-11.jsonld'
    ]);
}
//# sourceMappingURL=export.js.map