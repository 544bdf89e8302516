import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
export function register(program) {
    examples(program.command('init')
        .description("found a cooperative's ledger on this machine; you become its first member")
        .requiredOption('--name <cooperative>', "the cooperative's name")
        .option('--me <name>', 'your name as the cooperative will see it (default: your user name)')
        .action(async (opts, cmd) => {
        const g = globals(cmd);
        const { init } = await import('../../src/commands/init.js');
        const out = await init({ name: opts.name, ...(opts.me !== undefined ? { me: opts.me } : {}), ...(g.storage !== undefined ? { storage: g.storage } : {}) });
        if (g.json === true)
            return printJson(out);
        printLines([
            `founded "${out.cooperative}" in ${out.storage}`,
            `you are ${out.member.name} (member ${out.member.id.slice(0, 8)})`,
            `ledger key: ${out.ledger}`,
            'next: disco log love 2h -m "what you did"'
        ]);
    }), ['disco init --name "Guerrilla Translation" --me "Ana"']);
}
//# sourceMappingURL=init.js.map