import { writeFile, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { examples, globals } from './options.js';
import { printJson, printLines, table } from './output.js';
import { runCommand } from './node-action.js';
import { DiscoError } from '../../src/errors.js';
const date = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
export function register(program) {
    const federation = examples(program.command('federation')
        .description('the cooperatives this one federates with: check-ins, how far behind, trust, journey stage, disputes')
        .option('--removed', 'also list federations that were ended')
        .option('--evidence <dispute>', "a recorded dispute's evidence (its id), for disco verify-evidence")
        .option('-o, --output <file>', 'with --evidence: write it to this file (default: standard output)')
        .action(async (o, c) => {
        const g = globals(c);
        if (o.evidence !== undefined) {
            const { evidence } = await runCommand(c, 'federation-evidence', { id: o.evidence });
            const text = JSON.stringify(evidence, null, 2) + '\n';
            if (o.output === undefined)
                return process.stdout.write(text);
            const path = resolve(o.output);
            const tmp = `${path}.${process.pid}.tmp`;
            try {
                await writeFile(tmp, text);
                await rename(tmp, path);
            }
            catch (err) {
                throw DiscoError.invalidArgument(`cannot write ${path}: ${err.message}`);
            }
            if (g.json === true)
                return printJson({ path, kind: evidence.kind, federate: evidence.federate });
            process.stderr.write(`wrote the evidence (${evidence.kind}) to ${path}; check it with: disco verify-evidence ${o.output}\n`);
            return;
        }
        if (o.output !== undefined)
            throw DiscoError.invalidArgument('-o goes with --evidence');
        const out = await runCommand(c, 'federation', o.removed === true ? { removed: true } : {});
        if (g.json === true)
            return printJson(out);
        const lines = [`this cooperative's federation code: ${out.code}`, `check-ins every ${out.checkinDays} days`];
        if (out.federates.length === 0)
            lines.push('no federates yet: disco federate add <code> --name "…"');
        else {
            lines.push(...table(['FEDERATE', 'TRUST', 'STAGE', 'CHECK-INS', 'LAST CHECK-IN', 'SIGNED', 'BEHIND', 'DISPUTES'], out.federates.map(f => [
                f.removed ? `${f.name} (ended)` : f.name, String(f.trust), `${f.stage}/7`, String(f.checkins),
                f.lastCheckin === null ? '-' : `length ${f.lastCheckin.length}, ${date(f.lastCheckin.at)}`,
                f.signedLength === null ? '-' : String(f.signedLength), f.behind === null ? '-' : String(f.behind), String(f.disputes)
            ])));
        }
        for (const d of out.disputes) {
            lines.push(`DISPUTE ${d.shortId}: ${d.name} ${d.kind === 'fork' ? 'signed two histories' : d.kind === 'truncation' ? 'truncated its signed history' : 'rewrote its signed history'} ` +
                `(witnessed length ${d.witnessedLength}, observed ${d.observedLength}); evidence: disco federation --evidence ${d.shortId} -o evidence.json`);
        }
        printLines(lines);
    }), [
        'disco federation',
        'disco federation invite',
        'disco federation --evidence 3f9a1c2b-12-0 -o evidence.json',
        'disco federation --json'
    ]);
    examples(federation.command('invite')
        .description("print this cooperative's federation code: another cooperative proposes `disco federate add <code>` with it. It lets them witness your ledger's signed history, never read it")
        .action(async (_o, c) => {
        const out = await runCommand(c, 'federation-invite', {});
        if (globals(c).json === true)
            return printJson(out);
        printLines([out.code, 'give it to the other cooperative: they run disco federate add <code> --name "<your name>"']);
    }), ['disco federation invite', 'disco federation invite --json']);
}
//# sourceMappingURL=federation.js.map