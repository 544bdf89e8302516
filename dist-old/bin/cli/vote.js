import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { proposalLine } from './format.js';
export function register(program) {
    examples(program.command('vote')
        .description('vote on a proposal; you may change your vote until it is decided')
        .argument('<proposal-id>', 'the id disco proposals shows')
        .argument('<choice>', 'yes, no, abstain or block')
        .option('-m, --message <reason>', 'why')
        .action(async (id, choice, o, c) => {
        const out = await runCommand(c, 'vote', { id, choice, ...(o.message !== undefined ? { reason: o.message } : {}) });
        if (globals(c).json === true)
            return printJson(out);
        printLines([proposalLine(out.proposal)]);
    }), ['disco vote 3f9a1c2b-12-0 yes', 'disco vote 3f9a1c2b-12-0 block -m "we need to talk first"']);
    examples(program.command('close')
        .description('decide a proposal once the ledger time has passed its deadline (with no binding no or block it passes: lazy consensus) ' +
        'or, without a deadline, its minimum deliberation (the binding votes decide); only a participant whose vote binds may close')
        .argument('<proposal-id>', 'the id disco proposals shows')
        .action(async (id, _o, c) => {
        const out = await runCommand(c, 'close', { id });
        if (globals(c).json === true)
            return printJson(out);
        printLines([proposalLine(out.proposal)]);
    }), ['disco close 3f9a1c2b-12-0']);
    examples(program.command('proposals')
        .description("the cooperative's proposals, their votes and decisions (provisional until signed)")
        .option('--open', 'only those still open')
        .action(async (o, c) => {
        const out = await runCommand(c, 'proposals', o.open === true ? { open: true } : {});
        if (globals(c).json === true)
            return printJson(out);
        printLines(out.proposals.length === 0 ? ['no proposals'] : out.proposals.map(proposalLine));
    }), ['disco proposals --open', 'disco proposals --json']);
}
//# sourceMappingURL=vote.js.map