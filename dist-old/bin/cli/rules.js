import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { rulesText } from './format.js';
export function register(program) {
    examples(program.command('rules')
        .description('the accounting rules in force and their history (change them with disco propose rules)')
        .action(async (_o, c) => {
        const out = await runCommand(c, 'rules', {});
        if (globals(c).json === true)
            return printJson(out);
        printLines([
            `rules v${out.current.version}${out.current.proposal === null ? ' (the defaults)' : ''}: ${rulesText(out.current.rules)}`,
            ...out.versions.slice(0, -1).reverse().map(v => `  earlier v${v.version}: ${rulesText(v.rules)}`)
        ]);
    }), ['disco rules', 'disco propose rules --needs-endorsement yes --rate love=2']);
}
//# sourceMappingURL=rules.js.map