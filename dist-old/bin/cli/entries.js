import { examples, globals, positiveInt } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { entriesTable } from './format.js';
export function register(program) {
    examples(program.command('entries')
        .description("list the ledger's value entries, oldest first (retracted ones marked)")
        .option('--member <name-or-id>', "only this member's")
        .option('--stream <stream>', 'only livelihood, love or care')
        .option('--month <YYYY-MM>', 'only work dated in this month')
        .option('--project <name>', 'only this project')
        .option('--limit <n>', 'only the most recent n', positiveInt('--limit'))
        .option('--unendorsed', 'only entries that await an endorsement from another member (disco endorse)')
        .action(async (o, c) => {
        const out = await runCommand(c, 'entries', o);
        if (globals(c).json === true)
            return printJson(out);
        printLines(entriesTable(out.entries));
    }), ['disco entries --month 2026-11', 'disco entries --member Ana --stream love --limit 20', 'disco entries --unendorsed']);
}
//# sourceMappingURL=entries.js.map