import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('profile')
        .description('change the name the cooperative sees for you')
        .requiredOption('--name <name>', 'your display name')
        .action(async (o, c) => {
        const out = await runCommand(c, 'profile', { name: o.name });
        if (globals(c).json === true)
            return printJson(out);
        printLines([`you are now ${out.member.name}`]);
    }), ['disco profile --name "Ana Pérez"']);
}
//# sourceMappingURL=profile.js.map