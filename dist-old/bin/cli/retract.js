import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { entryLine } from './format.js';
export function register(program) {
    examples(program.command('retract')
        .description('withdraw one of your entries: it stays in the ledger, marked, and stops counting')
        .argument('<entry-id>', 'the id disco entries shows')
        .option('-m, --message <reason>', 'why')
        .action(async (id, o, c) => {
        const out = await runCommand(c, 'retract', { id, ...(o.message !== undefined ? { reason: o.message } : {}) });
        if (globals(c).json === true)
            return printJson(out);
        printLines([`retracted: ${entryLine(out.entry)}`]);
    }), ['disco retract 3f9a1c2b-4-0 -m "logged twice"']);
}
//# sourceMappingURL=retract.js.map