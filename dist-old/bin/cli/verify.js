import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('verify')
        .description('check every writer\'s signed log and re-derive the whole ledger from them: balances, decisions, ' +
        'statements and rejections must equal what this node shows. Exits 0 only when everything matches, 1 naming the first difference')
        .action(async (_o, c) => {
        const json = globals(c).json === true;
        let shown = '';
        const out = await runCommand(c, 'verify', {}, {
            onProgress: p => {
                const { phase, done, total } = p;
                if (json || phase === shown)
                    return;
                shown = phase;
                process.stderr.write(`${PHASES[phase]} (${total.toLocaleString('en')})…\n`);
                void done;
            }
        });
        if (!out.ok)
            process.exitCode = 1;
        if (json)
            return printJson(out);
        printLines(reportLines(out));
    }), ['disco verify', 'disco verify --json | jq .replay']);
}
const PHASES = {
    cores: 'checking the writers\' signed logs',
    replay: 'replaying the ledger from its first block',
    compare: 'comparing every key of the view with the replay'
};
function reportLines(r) {
    const ops = `${r.ops.toLocaleString('en')} ops in ${r.blocks.toLocaleString('en')} blocks`;
    const lines = [
        `signed length ${r.signedLength} of ${r.length}; ${r.writers.length} writer log${r.writers.length === 1 ? '' : 's'} checked ` +
            `(${r.writers.reduce((n, w) => n + w.blocksAudited, 0).toLocaleString('en')} blocks re-hashed, signatures valid)`
    ];
    if (r.problem === null || r.difference !== null) {
        lines.push(`replayed ${ops} in ${r.replay.ms} ms (${r.replay.opsPerSecond.toLocaleString('en')} ops/s)`);
    }
    if (r.ok) {
        const counted = Object.entries(r.counted).filter(([, n]) => n > 0).map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`).join(', ');
        lines.push(`${r.keys.toLocaleString('en')} keys of the view equal the replay: ${counted}`);
        lines.push(`digest ${r.digest.view ?? '(none)'}`);
        lines.push('OK: the ledger is what its signed feeds say');
        return lines;
    }
    lines.push(`FAILED: ${r.problem ?? 'unknown'}`);
    if (r.difference !== null) {
        lines.push(`  the view holds:   ${r.difference.view ?? '(nothing)'}`);
        lines.push(`  a replay gives:   ${r.difference.replay ?? '(nothing)'}`);
    }
    return lines;
}
//# sourceMappingURL=verify.js.map