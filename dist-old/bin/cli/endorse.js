import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { entryLine } from './format.js';
export function register(program) {
    examples(program.command('endorse')
        .description("confirm another member's entry (never your own; once each). Where the rules need it, only endorsed entries earn credits")
        .argument('<entry-id>', 'the id disco entries shows')
        .action(async (id, _o, c) => {
        const out = await runCommand(c, 'endorse', { id });
        if (globals(c).json === true)
            return printJson(out);
        printLines([`endorsed: ${entryLine(out.entry)}`]);
    }), ['disco entries --unendorsed', 'disco endorse 3f9a1c2b-4-0']);
}
//# sourceMappingURL=endorse.js.map