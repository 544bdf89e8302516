/**
 * Server-sent events: every open page gets an `update` event when the node's ledger changes (the
 * node's own `update` event, as the status lines of `disco start` use it), at most one per
 * `interval` ms, so that a burst of appends makes the page reload its data once.
 */
export class LiveUpdates {
    node;
    interval;
    clients = new Set();
    timer = null;
    heartbeat;
    started = false;
    constructor(node, interval = 150) {
        this.node = node;
        this.interval = interval;
        // a comment line now and then keeps proxies and phones from dropping an idle stream
        this.heartbeat = setInterval(() => { for (const c of this.clients)
            c.write(': keep-alive\n\n'); }, 25_000);
        this.heartbeat.unref();
    }
    onUpdate = () => {
        if (this.timer !== null)
            return;
        this.timer = setTimeout(() => {
            this.timer = null;
            const length = this.node.base.length;
            for (const c of this.clients)
                c.write(`event: update\ndata: ${JSON.stringify({ length })}\n\n`);
        }, this.interval);
    };
    start() {
        if (this.started)
            return;
        this.started = true;
        this.node.on('update', this.onUpdate);
    }
    add(res) {
        res.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive'
        });
        res.write('retry: 2000\n\n');
        res.write(`event: hello\ndata: ${JSON.stringify({ length: this.node.base.length })}\n\n`);
        this.clients.add(res);
        res.once('close', () => this.clients.delete(res));
    }
    close() {
        this.node.off('update', this.onUpdate);
        if (this.timer !== null)
            clearTimeout(this.timer);
        clearInterval(this.heartbeat);
        for (const c of this.clients)
            c.end();
        this.clients.clear();
    }
}
//# sourceMappingURL=live-updates.js.map