import { DiscoError } from '../errors.js';
/** `--bootstrap host:port[,host:port…]` for a private network (e.g. `disco dht` on a LAN). */
export function parseBootstrap(text) {
    const peers = text.split(',').map(s => s.trim()).filter(s => s !== '').map(parsePeer);
    if (peers.length === 0)
        throw DiscoError.invalidArgument('--bootstrap needs at least one host:port');
    return peers;
}
function parsePeer(text) {
    const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
    const port = m === null ? NaN : Number(m[2]);
    if (m === null || port < 1 || port > 65535) {
        throw DiscoError.invalidArgument(`bootstrap peer "${text}" is not host:port (e.g. 192.168.1.10:49737)`);
    }
    return { host: m[1].replace(/^\[|\]$/g, ''), port };
}
export function formatBootstrap(peers) {
    return peers.map(p => `${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}`).join(',');
}
//# sourceMappingURL=bootstrap.js.map