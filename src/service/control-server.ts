import fs from 'node:fs/promises'
import net from 'node:net'
import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { dispatch, isCommandName } from './handlers.js'
import { encode, errorToWire, LineSplitter, parseRequest } from './protocol.js'
import type { ControlRequest, ControlResponse } from './protocol.js'
import { prepareSocketDir } from './socket-path.js'
import type { SocketLocation } from './socket-path.js'

/**
 * The running node's control socket: other `disco` commands reach the node's handlers through it
 * while `disco start` holds the store. Owner-only (the storage folder is 0700, the socket 0600).
 *
 * Call `listen` only while holding the store (after LedgerNode.open succeeded): a socket file found
 * then is a leftover of a node that died, and is replaced. `close` stops accepting connections,
 * answers new requests with STOPPING, lets the commands under way finish, and removes the socket.
 */
export class ControlServer {
  private readonly server: net.Server
  private readonly sockets = new Set<net.Socket>()
  private readonly inflight = new Set<Promise<void>>()
  private stopping = false
  private listening = false

  constructor (private readonly node: LedgerNode, readonly location: SocketLocation) {
    this.server = net.createServer(socket => this.accept(socket))
  }

  get busy (): number { return this.inflight.size }

  async listen (): Promise<void> {
    await prepareSocketDir(this.location)
    // We hold the store's lock, so no other node can be listening here: whatever is left is stale.
    await fs.rm(this.location.path, { force: true })
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.location.path, () => {
        this.server.off('error', reject)
        resolve()
      })
    })
    this.listening = true
    await fs.chmod(this.location.path, 0o600)
  }

  async close (): Promise<void> {
    if (this.stopping) return
    this.stopping = true
    const closed = this.listening ? new Promise<void>(resolve => this.server.close(() => resolve())) : Promise.resolve()
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight])
    for (const socket of this.sockets) socket.end(() => socket.destroy())
    await closed
    this.listening = false
    await fs.rm(this.location.path, { force: true }).catch(() => {})
    if (this.location.fallbackDir !== null) await fs.rmdir(this.location.fallbackDir).catch(() => {})
  }

  private accept (socket: net.Socket): void {
    if (this.stopping) {
      socket.destroy()
      return
    }
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {}) // a caller that goes away (Ctrl-C) is not the node's problem
    const lines = new LineSplitter(
      line => this.onLine(socket, line),
      () => {
        this.send(socket, { id: null, error: errorToWire(new DiscoError('BAD_REQUEST', 'request line too long', 'input')) })
        socket.end()
      }
    )
    socket.on('data', (chunk: Buffer) => lines.push(chunk))
  }

  private send (socket: net.Socket, message: ControlResponse): void {
    if (!socket.destroyed && socket.writable) socket.write(encode(message))
  }

  private onLine (socket: net.Socket, line: string): void {
    const parsed = parseRequest(line)
    if (!parsed.ok) {
      this.send(socket, { id: parsed.id, error: errorToWire(parsed.error) })
      return
    }
    const { request } = parsed
    if (this.stopping) {
      this.send(socket, { id: request.id, error: errorToWire(new DiscoError('STOPPING', 'the node is stopping: try again in a moment', 'state')) })
      return
    }
    const job = this.handle(socket, request)
    this.inflight.add(job)
    void job.finally(() => this.inflight.delete(job))
  }

  private async handle (socket: net.Socket, request: ControlRequest): Promise<void> {
    const { id, command } = request
    try {
      if (!isCommandName(command)) {
        throw new DiscoError('UNKNOWN_COMMAND', `the running node does not know the command "${command.slice(0, 100)}": restart it (disco start) if disco was upgraded`, 'state')
      }
      // no input is an empty one; anything else given (null, a list) is checked by dispatch
      const result = await dispatch(this.node, command, request.input === undefined ? {} : request.input, {
        running: true,
        progress: value => this.send(socket, { id, progress: value })
      })
      this.send(socket, { id, result })
    } catch (err) {
      this.send(socket, { id, error: errorToWire(err) })
    }
  }
}
