import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('checkin')
        .description("witness federates' ledgers now: record their signed length and tree hash in this ledger (a running node does this once a period by itself)")
        .argument('[federate]', 'name or id (default: every federate)')
        .action(async (federate, _o, c) => {
        const out = await runCommand(c, 'checkin', federate !== undefined ? { federate } : {});
        if (globals(c).json === true)
            return printJson(out);
        printLines(out.checkins.map(ci => `checked in with ${ci.name}: signed length ${ci.length} (${ci.id.slice(0, 8)}…)`));
    }), ['disco checkin', 'disco checkin "Other Coop" --json']);
}
//# sourceMappingURL=checkin.js.map