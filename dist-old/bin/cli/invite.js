import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('invite')
        .description('create a one-time invite code for a new participant, or for another device of yours')
        .option('--role <role>', 'contributor or dater (members and supporters are admitted by proposal)', 'contributor')
        .option('--device', 'invite another device of your own: it will write as you')
        .option('--expires <duration>', 'how long the code is valid, e.g. 30m, 24h, 168h', '24h')
        .action(async (o, c) => {
        const out = await runCommand(c, 'invite', { role: o.device === true ? 'device' : o.role, expires: o.expires });
        if (globals(c).json === true)
            return printJson(out);
        printLines([
            `invite for a ${out.role}, valid until ${out.expires} (once):`,
            '',
            `  ${out.code}`,
            '',
            'On the new machine: disco join <code> --me "Their Name"',
            'A member\'s node must be running (disco start) to answer it.'
        ]);
    }), ['disco invite --role contributor', 'disco invite --role dater --expires 72h', 'disco invite --device']);
}
//# sourceMappingURL=invite.js.map