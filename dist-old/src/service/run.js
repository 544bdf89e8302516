import { formatBootstrap } from '../net/bootstrap.js';
import { members } from '../commands/members.js';
import { status } from '../commands/status.js';
import { ControlServer } from './control-server.js';
import { openWhenFree } from './open-when-free.js';
import { socketLocation } from './socket-path.js';
/**
 * `disco start`: the node in the foreground, on the network, serving the other commands over its
 * control socket until SIGINT or SIGTERM; then it stops accepting connections, lets the commands
 * under way finish, and closes the node (so that every append is on disk) before it returns.
 */
export async function runNode(opts) {
    const out = opts.out ?? (line => { process.stdout.write(line + '\n'); });
    const warn = opts.warn ?? (line => { process.stderr.write(line + '\n'); });
    const print = (event) => {
        out(opts.json === true ? JSON.stringify({ ...event, time: new Date().toISOString() }) : describe(event));
    };
    const stop = stopSignal(opts.signals ?? ['SIGINT', 'SIGTERM'], n => {
        warn(`disco: still stopping (${n} command${n === 1 ? '' : 's'} under way)`);
    });
    try {
        // a one-off command (a health check's `disco status`) may hold the store for a moment
        const node = await openWhenFree({
            storage: opts.storage,
            network: opts.network,
            ...(opts.ackInterval !== undefined ? { ackInterval: opts.ackInterval } : {})
        }, warn, opts.storeWaitMs);
        let server;
        try {
            server = new ControlServer(node, await socketLocation(opts.storage));
            await server.listen();
        }
        catch (err) {
            await node.close();
            throw err;
        }
        stop.busy = () => server.busy;
        let dashboard = null;
        if (opts.serve !== undefined) {
            try {
                const { DashboardServer } = await import('../web/server.js');
                const d = new DashboardServer(node, opts.serve);
                await d.listen();
                dashboard = d;
            }
            catch (err) {
                await server.close();
                await node.close();
                throw err;
            }
        }
        const reporter = new StatusReporter(node, s => print({ type: 'status', ...s }), e => warn(`disco: ${e.message}`), opts.statusInterval ?? 1000);
        try {
            const about = await status(node);
            print({
                type: 'ready',
                storage: node.storage,
                cooperative: about.cooperative,
                ledger: about.ledger,
                socket: server.location.path,
                network: opts.network.bootstrap === undefined ? 'public HyperDHT' : formatBootstrap(opts.network.bootstrap),
                pid: process.pid
            });
            if (dashboard !== null)
                print({ type: 'dashboard', urls: dashboard.urls() });
            reporter.start();
            node.on('federation', (event) => print({ type: 'federation', event }));
            let stopping = false;
            node.joined().then(() => { if (!stopping)
                print({ type: 'joined' }); }, (err) => { if (!stopping)
                warn(`disco: could not announce on the swarm: ${err.message}`); });
            const signal = await stop.signalled;
            stopping = true;
            print({ type: 'stopping', signal, commands: server.busy });
        }
        finally {
            if (dashboard !== null)
                await dashboard.close();
            await server.close();
            reporter.stop();
            await node.close();
        }
        print({ type: 'stopped' });
    }
    finally {
        stop.dispose();
    }
}
function describe(event) {
    switch (event.type) {
        case 'ready':
            return `node running: ${event.cooperative === null ? '' : `"${event.cooperative}", `}ledger ${event.ledger.slice(0, 8)}… in ${event.storage}; ` +
                `network: ${event.network}; control socket: ${event.socket}; stop with Ctrl-C`;
        case 'status':
            return `peers ${event.peers}, members ${event.members} (${event.devices} device${event.devices === 1 ? '' : 's'}), ` +
                `ledger length ${event.length} (signed ${event.signedLength})${event.writable ? '' : ', read-only'}`;
        case 'joined':
            return 'announced on the swarm';
        case 'dashboard':
            return `dashboard (open it in a browser; the link carries your login token, keep it private): ${event.urls.join('  ')}`;
        case 'stopping':
            return `stopping (${event.signal})${event.commands > 0 ? `: finishing ${event.commands} command${event.commands === 1 ? '' : 's'}` : ''}`;
        case 'stopped':
            return 'stopped';
        case 'federation': {
            const e = event.event;
            if (e.type === 'checkin')
                return `federation: checked in with ${e.name} at its signed length ${e.length}`;
            return `DISPUTE with ${e.name}: ${e.message}; ` +
                (e.recorded ? 'the evidence is recorded in the ledger (disco federation shows it)' : e.evidence ? 'evidence found, not yet recorded (this node cannot write)' : 'no offline evidence');
        }
    }
}
/** The first signal stops the node; later ones only say what it is waiting for. */
function stopSignal(signals, again) {
    let fired = false;
    let resolve;
    const signalled = new Promise(r => { resolve = r; });
    const self = {
        signalled,
        busy: () => 0,
        dispose: () => { for (const s of signals)
            process.off(s, on); }
    };
    function on(signal) {
        if (fired) {
            again(self.busy());
            return;
        }
        fired = true;
        resolve(signal);
    }
    for (const s of signals)
        process.on(s, on);
    return self;
}
/**
 * Prints the node's status when it changes, at most once per interval: a change while a line is
 * pending is folded into it, and a read is always made after the last change, so the last state
 * is always printed.
 */
class StatusReporter {
    node;
    emit;
    onError;
    interval;
    last = null;
    lastAt = -Infinity;
    timer = null;
    reading = false;
    again = false;
    stopped = false;
    failed = false;
    constructor(node, emit, onError, interval) {
        this.node = node;
        this.emit = emit;
        this.onError = onError;
        this.interval = interval;
    }
    poke = () => {
        if (this.stopped)
            return;
        if (this.reading) {
            this.again = true;
            return;
        }
        if (this.timer !== null)
            return;
        this.timer = setTimeout(() => { void this.tick(); }, Math.max(0, this.lastAt + this.interval - Date.now()));
    };
    start() {
        this.node.on('update', this.poke);
        this.node.on('peers', this.poke);
        this.node.on('writable', this.poke);
        this.poke();
    }
    stop() {
        this.stopped = true;
        this.node.off('update', this.poke);
        this.node.off('peers', this.poke);
        this.node.off('writable', this.poke);
        if (this.timer !== null)
            clearTimeout(this.timer);
        this.timer = null;
    }
    async tick() {
        this.timer = null;
        this.reading = true;
        try {
            const s = await this.read();
            const key = JSON.stringify(s);
            if (key !== this.last && !this.stopped) {
                this.last = key;
                this.lastAt = Date.now();
                this.emit(s);
            }
        }
        catch (err) {
            // the ledger stopped (an upgrade is required, or the disk failed): say it once; the
            // commands report it too
            if (!this.failed && !this.stopped)
                this.onError(err);
            this.failed = true;
        }
        finally {
            this.reading = false;
        }
        if (this.again) {
            this.again = false;
            this.poke();
        }
    }
    async read() {
        const list = (await members(this.node)).members;
        const base = this.node.base;
        return {
            peers: this.node.peers,
            members: list.length,
            devices: list.reduce((n, m) => n + m.devices.length, 0),
            length: base.length,
            signedLength: base.signedLength,
            writable: base.writable
        };
    }
}
//# sourceMappingURL=run.js.map