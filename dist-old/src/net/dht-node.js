import HyperDHT from 'hyperdht';
import { DiscoError } from '../errors.js';
/** A DHT bootstrap node (hyperdht's own `bootstrapper`): what the nodes of a network without the
 * public DHT, such as an offline LAN, start from. */
export async function runBootstrapNode(opts) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(opts.host) || opts.host === '0.0.0.0') {
        throw DiscoError.invalidArgument(`--host must be this machine's IPv4 address on the network (e.g. 192.168.1.10), not "${opts.host}"`);
    }
    const dht = HyperDHT.bootstrapper(opts.port, opts.host);
    await dht.fullyBootstrapped();
    return { port: dht.address().port, close: async () => { await dht.destroy(); } };
}
//# sourceMappingURL=dht-node.js.map