import type { ServerResponse } from 'node:http'
import type { LedgerNode } from '../node/ledger-node.js'

/**
 * Server-sent events: every open page gets an `update` event when the node's ledger changes (the
 * node's own `update` event, as the status lines of `disco start` use it), at most one per
 * `interval` ms, so that a burst of appends makes the page reload its data once.
 */
export class LiveUpdates {
  private readonly clients = new Set<ServerResponse>()
  private timer: NodeJS.Timeout | null = null
  private readonly heartbeat: NodeJS.Timeout
  private started = false

  constructor (private readonly node: LedgerNode, private readonly interval = 150) {
    // a comment line now and then keeps proxies and phones from dropping an idle stream
    this.heartbeat = setInterval(() => { for (const c of this.clients) c.write(': keep-alive\n\n') }, 25_000)
    this.heartbeat.unref()
  }

  private readonly onUpdate = (): void => {
    if (this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      const length = this.node.lengths().length
      for (const c of this.clients) c.write(`event: update\ndata: ${JSON.stringify({ length })}\n\n`)
    }, this.interval)
  }

  start (): void {
    if (this.started) return
    this.started = true
    this.node.on('update', this.onUpdate)
  }

  add (res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write('retry: 2000\n\n')
    res.write(`event: hello\ndata: ${JSON.stringify({ length: this.node.lengths().length })}\n\n`)
    this.clients.add(res)
    res.once('close', () => this.clients.delete(res))
  }

  close (): void {
    this.node.off('update', this.onUpdate)
    if (this.timer !== null) clearTimeout(this.timer)
    clearInterval(this.heartbeat)
    for (const c of this.clients) c.end()
    this.clients.clear()
  }
}
