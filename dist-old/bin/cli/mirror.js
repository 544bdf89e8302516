import { examples, globals } from './options.js';
import { networkFlags } from './network-options.js';
import { printJson, printLines } from './output.js';
export function register(program) {
    const mirror = examples(networkFlags(program.command('mirror')
        .description("run a mirror for cooperatives (an always-on blind peer): it keeps members' ledgers as ciphertext and serves them while their nodes sleep; it never holds a ledger's key (for systemd, see deploy/disco-mirror.service)"))
        .option('--max-size <size>', 'the size cap, e.g. 20G (past it the oldest cores\' blocks are cleared)', '20G')
        .action(async (o, c) => {
        const g = globals(c);
        const [{ runMirror, parseSize, defaultMirrorStorage }, { networkFromFlags }] = await Promise.all([
            import('../../src/mirror/run.js'),
            import('../../src/service/network-config.js')
        ]);
        const maxBytes = parseSize(o.maxSize);
        const network = networkFromFlags(o);
        await runMirror({ storage: g.storage ?? defaultMirrorStorage(), maxBytes, network, json: g.json === true });
    }), [
        'disco mirror --storage /var/lib/disco-mirror --max-size 50G',
        'disco mirror --json    # status lines as JSON: key, cores, bytes, maxBytes, full, peers',
        'disco mirror status --storage /var/lib/disco-mirror'
    ]);
    mirror.command('status')
        .description('the last status a mirror running on this folder reported (cores held, bytes, peers), and whether it runs')
        .action(async (_o, c) => {
        const g = globals(c);
        const { readMirrorStatus, statusLine, defaultMirrorStorage } = await import('../../src/mirror/run.js');
        const s = await readMirrorStatus(g.storage ?? defaultMirrorStorage());
        if (g.json === true)
            return printJson(s);
        printLines([`mirror key: ${s.key}`, `${s.running ? 'running' : 'not running'}; at ${s.at}: ${statusLine(s)}`]);
    });
}
//# sourceMappingURL=mirror.js.map