import { examples, globals, positiveInt } from './options.js';
import { printJson, printLines } from './output.js';
export function register(program) {
    examples(program.command('dht')
        .description('run a DHT bootstrap node for a private network (an offline LAN); stops on Ctrl-C')
        .option('--host <address>', "this machine's IPv4 address on the network (127.0.0.1: this machine only)", '127.0.0.1')
        .option('--port <port>', 'the UDP port', positiveInt('--port'), 49737)
        .action(async (o, c) => {
        const g = globals(c);
        const { runBootstrapNode } = await import('../../src/net/dht-node.js');
        const node = await runBootstrapNode({ host: o.host, port: o.port });
        const info = { host: o.host, port: node.port, bootstrap: `${o.host}:${node.port}` };
        if (g.json === true)
            printJson(info);
        else
            printLines([`DHT bootstrap node on ${o.host}:${node.port}`, `other nodes: disco start --bootstrap ${info.bootstrap}`]);
        await new Promise(resolve => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
        });
        await node.close();
    }), ['disco dht --port 49737', 'disco dht --host 192.168.1.10 --port 49737']);
}
//# sourceMappingURL=dht.js.map