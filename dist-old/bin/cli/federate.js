import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { proposalLine } from './format.js';
import { DiscoError } from '../../src/errors.js';
function common(cmd) {
    return cmd
        .option('-m, --message <text>', 'why, in your words')
        .option('--deadline <when>', 'lazy consensus: after this (a duration such as 72h, or a date), disco close decides it');
}
async function submit(c, o, input) {
    const out = await runCommand(c, 'propose', {
        ...input,
        ...(o.message !== undefined ? { text: o.message } : {}),
        ...(o.deadline !== undefined ? { deadline: o.deadline } : {})
    });
    if (globals(c).json === true)
        return printJson(out);
    printLines([`proposed: ${proposalLine(out.proposal)}`, `vote with: disco vote ${out.proposal.shortId} yes|no|abstain|block`]);
}
function whole(flag, text) {
    if (text === undefined)
        return undefined;
    if (!/^\d{1,9}$/.test(text))
        throw DiscoError.invalidArgument(`${flag} must be a whole number, not "${text}"`);
    return Number(text);
}
/** `disco federate …`: federation changes, each a proposal the cooperative decides. */
export function register(program) {
    const federate = examples(program.command('federate')
        .description('propose to federate with another cooperative, end a federation, set its trust and journey stage, or the check-in period (docs/federation.md)'), [
        'disco federate add disco-federation-v1:… --name "Other Coop" -m "we share clients"',
        'disco federate trust "Other Coop" --value 70 --stage 3',
        'disco federate remove "Other Coop"',
        'disco federate period 30'
    ]);
    common(federate.command('add').description('federate with the cooperative whose code this is (from its disco federation invite)')
        .argument('<code>', 'their federation code').requiredOption('--name <name>', 'the name the federate goes by here'))
        .action(async (code, o, c) => { await submit(c, o, { kind: 'federate', code, name: o.name }); });
    common(federate.command('remove').description('end the federation: stop witnessing them').argument('<federate>', 'name or id'))
        .action(async (name, o, c) => { await submit(c, o, { kind: 'unfederate', federate: name }); });
    common(federate.command('trust').description("set a federate's trust value (0-100) and journey stage (1-7)").argument('<federate>', 'name or id')
        .option('--value <0-100>', 'the trust value').option('--stage <1-7>', 'the journey stage'))
        .action(async (name, o, c) => {
        if (o.value === undefined && o.stage === undefined)
            throw DiscoError.invalidArgument('give --value, --stage or both');
        const value = whole('--value', o.value);
        const stage = whole('--stage', o.stage);
        await submit(c, o, { kind: 'trust', federate: name, ...(value !== undefined ? { value } : {}), ...(stage !== undefined ? { stage } : {}) });
    });
    common(federate.command('period').description('how often nodes check in with each federate, in days (default 7)').argument('<days>', 'whole days, 1-366'))
        .action(async (days, o, c) => { await submit(c, o, { kind: 'checkins', days: whole('<days>', days) }); });
}
//# sourceMappingURL=federate.js.map