import { examples, globals } from './options.js';
import { printJson, printLines, table } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('members')
        .description("the cooperative's members, their roles and devices")
        .action(async (_o, c) => {
        const out = await runCommand(c, 'members', {});
        if (globals(c).json === true)
            return printJson(out);
        printLines(table(['ID', 'NAME', 'ROLE', 'DEVICES'], out.members.map(m => [m.id.slice(0, 8), m.name, m.removedAt !== undefined ? `removed (was ${m.role})` : m.role, String(m.devices.length)])));
    }), ['disco members']);
}
//# sourceMappingURL=members.js.map