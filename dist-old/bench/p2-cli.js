/**
 * P2: `disco log` from a shell against a running `disco start`, many calls in a row, each a new
 * process timed from spawn to exit; against `node -e 0` started as many times.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import createTestnet from 'hyperdht/testnet.js';
import { Child, DISCO_BIN, eventLine, removeDir, tempDir } from './fixtures.js';
import { median, msSince } from './harness.js';
const env = { ...process.env };
delete env.NODE_OPTIONS;
/** wall time of one `node <args>` process, from spawn to exit */
async function run(args) {
    const start = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
        execFile(process.execPath, args, { env }, (err, _out, stderr) => {
            if (err !== null)
                reject(new Error(`node ${args.join(' ')} failed: ${stderr}`));
            else
                resolve();
        });
    });
    return msSince(start);
}
export const scenario = {
    id: 'P2',
    title: '`disco log` against a running `disco start`, calls in a row',
    baseline: '`node -e 0`, as many times',
    async run(opts) {
        const calls = opts.quick ? 20 : 200;
        const dir = await tempDir('p2');
        const testnet = await createTestnet(3, { host: '127.0.0.1' });
        const bootstrap = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',');
        const storage = path.join(dir, 'ana');
        let node = null;
        try {
            await run([DISCO_BIN, '--storage', storage, 'init', '--name', 'Bench', '--me', 'Ana', '--json']);
            node = new Child([DISCO_BIN, '--storage', storage, 'start', '--bootstrap', bootstrap, '--dht-host', '127.0.0.1', '--json'], opts.childFlags);
            await node.line('disco start to be ready', eventLine('ready'));
            const disco = [];
            for (let i = 0; i < calls; i++) {
                disco.push(await run([DISCO_BIN, '--storage', storage, 'log', 'love', '1h', '-m', `call ${i}`, '--json']));
            }
            const raw = [];
            for (let i = 0; i < calls; i++)
                raw.push(await run(['-e', '0']));
            opts.say(`  P2 disco ${Math.round(median(disco))} ms a call, node -e 0 ${Math.round(median(raw))} ms`);
            return [{
                    metric: `${calls} calls, wall time a call`,
                    unit: 'ms',
                    disco: median(disco),
                    baseline: median(raw),
                    target: { ratioAtMost: 3 },
                    detail: { calls, discoMinMs: Math.round(Math.min(...disco)), discoMaxMs: Math.round(Math.max(...disco)), rawMinMs: Math.round(Math.min(...raw)) }
                }];
        }
        finally {
            await node?.stop();
            await testnet.destroy();
            await removeDir(dir);
        }
    }
};
//# sourceMappingURL=p2-cli.js.map