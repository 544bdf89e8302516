import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import type { LedgerNode } from '../node/ledger-node.js'
import { DiscoError } from '../errors.js'
import { dispatch } from '../service/handlers.js'
import { ROUTES, queryInput } from './api.js'
import { httpError } from './http-errors.js'
import { LiveUpdates } from './live-updates.js'
import { StaticFiles } from './static-files.js'
import { crossSiteReason } from './same-origin.js'
import { newToken, tokenMatches } from './token.js'

export interface DashboardOptions {
  /** default 127.0.0.1: only this machine; 0.0.0.0 to reach it from a phone on the LAN */
  host?: string
  /** default 8370; 0 picks a free port */
  port?: number
  /** default: a fresh random token */
  token?: string
}

export const DEFAULT_PORT = 8370
const MAX_BODY = 64 * 1024

const SECURITY_HEADERS = {
  // the page loads only its own files; nothing may frame it (clickjacking a vote button)
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store'
}

/**
 * `disco serve`: the member's dashboard, a web page and a JSON API over the node's command
 * handlers. Every request needs the login token — in the URL once (`/?token=…`, answered with an
 * HttpOnly, SameSite=Strict cookie and a redirect that drops it from the address bar), or as
 * `Authorization: Bearer …` for scripts; without it the answer is 401 and nothing else. A request
 * that would change something and that a browser says comes from another site or origin is refused
 * with 403 (src/web/same-origin.ts).
 */
export class DashboardServer {
  readonly token: string
  private readonly server: http.Server
  private readonly files = new StaticFiles()
  private readonly live: LiveUpdates
  private readonly host: string
  private readonly port: number
  private cookieName = 'disco_token'
  /** the commands under way, which close() lets finish */
  private readonly running = new Set<Promise<unknown>>()

  constructor (private readonly node: LedgerNode, opts: DashboardOptions = {}) {
    this.token = opts.token ?? newToken()
    this.host = opts.host ?? '127.0.0.1'
    this.port = opts.port ?? DEFAULT_PORT
    this.live = new LiveUpdates(node)
    this.server = http.createServer((req, res) => { void this.handle(req, res) })
  }

  async listen (): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException): void => {
        reject(err.code === 'EADDRINUSE'
          ? new DiscoError('PORT_IN_USE', `port ${this.port} on ${this.host} is in use: pick another with --port`, 'state')
          : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND'
            ? DiscoError.invalidArgument(`--host ${this.host} is not an address of this machine`)
            : err)
      }
      this.server.once('error', failed)
      this.server.listen(this.port, this.host, () => {
        this.server.off('error', failed)
        resolve()
      })
    })
    // cookies ignore the port: two dashboards on one machine must not overwrite each other's
    this.cookieName = `disco_token_${this.address.port}`
    this.live.start()
  }

  get address (): AddressInfo {
    return this.server.address() as AddressInfo
  }

  /** The URLs to open, with the token: this one, or each of the machine's addresses for 0.0.0.0. */
  urls (): string[] {
    const { port } = this.address
    const hosts = this.host === '0.0.0.0' || this.host === '::'
      ? ['127.0.0.1', ...Object.values(os.networkInterfaces()).flat().filter(a => a !== undefined && a.family === 'IPv4' && !a.internal).map(a => a!.address)]
      : [this.host]
    return hosts.map(h => `http://${h.includes(':') ? `[${h}]` : h}:${port}/?token=${this.token}`)
  }

  /** Stop taking requests, let the commands under way finish (a log being appended), then close. */
  async close (): Promise<void> {
    this.live.close()
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()))
    this.server.closeIdleConnections()
    await Promise.allSettled([...this.running])
    this.server.closeAllConnections()
    await closed
  }

  private authorised (req: IncomingMessage, url: URL): boolean {
    const auth = req.headers.authorization
    if (auth !== undefined && auth.startsWith('Bearer ') && tokenMatches(auth.slice(7).trim(), this.token)) return true
    if (tokenMatches(cookieValue(req.headers.cookie, this.cookieName), this.token)) return true
    return tokenMatches(url.searchParams.get('token'), this.token)
  }

  private async handle (req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://dashboard')
      if (!this.authorised(req, url)) {
        res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' })
        res.end('401: this dashboard needs its login token: open the URL that disco serve printed\n')
        return
      }
      const crossSite = crossSiteReason(req)
      if (crossSite !== null) {
        return send(res, 403, { error: { code: 'CROSS_SITE', message: `${crossSite}: use the dashboard's own page` } })
      }
      // the token came in the address: keep it in a cookie and out of the address bar and history
      if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        url.searchParams.delete('token')
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname + url.search
        })
        res.end()
        return
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        this.live.add(res)
        return
      }
      if (url.pathname.startsWith('/api/')) {
        await this.api(req, res, url)
        return
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `${req.method ?? ''} is not allowed here` } })
      const file = await this.files.get(url.pathname)
      if (file === null) {
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('not found\n')
        return
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length })
      res.end(req.method === 'HEAD' ? undefined : file.body)
    } catch (err) {
      const { status, body } = httpError(err)
      if (!res.headersSent) send(res, status, body)
      else res.end()
    }
  }

  private async api (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = ROUTES[url.pathname]
    if (route === undefined) return send(res, 404, { error: { code: 'NO_SUCH_ROUTE', message: `no API route ${url.pathname}` } })
    if (req.method !== route.method) {
      res.setHeader('Allow', route.method)
      return send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `${url.pathname} takes ${route.method}` } })
    }
    const input = route.method === 'GET' ? queryInput(url.searchParams, route.query ?? {}) : await jsonBody(req)
    const call = dispatch(this.node, route.command, input, { running: true, progress: () => {} })
    this.running.add(call)
    try {
      send(res, 200, await call)
    } finally {
      this.running.delete(call)
    }
  }
}

function send (res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function cookieValue (header: string | undefined, name: string): string | null {
  if (header === undefined) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/** A POST body: JSON, and only JSON (a cross-site form cannot send that without a preflight). */
async function jsonBody (req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/json')) throw new DiscoError('BAD_REQUEST', 'send the input as JSON (Content-Type: application/json)')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new DiscoError('BAD_REQUEST', `the request body is over ${MAX_BODY} bytes`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new DiscoError('BAD_REQUEST', 'the request body is not valid JSON')
  }
}
