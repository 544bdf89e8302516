/**
 * The node's JSON API (src/web/api.ts): each route is one command of the handlers' dispatch table,
 * typed here by the handlers' own input and output types, so the page reads exactly what
 * `disco <command> --json` prints. An error comes back as the handler's code, message and params.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../src/service/handlers.js'
import type { WebErrorJson } from '../../src/web/http-errors.js'
import { DiscoError } from '../../src/errors.js'
import { renderErrorEs } from '../../src/error-messages-es.js'
import { locale, t } from './i18n.js'

export class ApiError extends Error {
  readonly code: string
  readonly params: WebErrorJson['params']
  constructor (error: WebErrorJson, readonly status: number) {
    super(error.message)
    this.code = error.code
    this.params = error.params
  }
}

async function request (url: string, init: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init })
  } catch (err) {
    throw new ApiError({ code: 'NETWORK', message: t('error.network', { message: (err as Error).message }) }, 0)
  }
  if (res.status === 401) {
    // the node was restarted: each run of disco serve makes a new login token
    throw new ApiError({ code: 'UNAUTHORIZED', message: t('error.unauthorized') }, 401)
  }
  const body = await res.json().catch(() => null) as { error?: WebErrorJson } | null
  if (!res.ok) throw new ApiError(body?.error ?? { code: `HTTP_${res.status}`, message: res.statusText }, res.status)
  return body
}

/** A reading command: its input as the query string (flags as 1). */
export async function get<K extends CommandName> (command: K, input: Partial<Record<keyof CommandInput<K>, string | number | boolean | undefined>> = {}): Promise<CommandOutput<K>> {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(input)) {
    if (v !== undefined && v !== '' && v !== false) q.set(k, v === true ? '1' : String(v))
  }
  const query = q.toString()
  return await request(`/api/${command}${query === '' ? '' : '?' + query}`, { method: 'GET' }) as CommandOutput<K>
}

/** A command that changes the ledger: its input as JSON, as `disco <command> --json` sends it. */
export async function post<K extends CommandName> (command: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  return await request(`/api/${command}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input)
  }) as CommandOutput<K>
}

/** An error's sentence in the page's language: the node's (or a shared parser's) code and params
 * through the error catalogue; words of its own (no params) as they came. */
export function errorText (err: unknown): string {
  if (err instanceof ApiError || err instanceof DiscoError) {
    const params = err instanceof ApiError ? err.params : err.params ?? undefined
    if (locale() === 'es' && params !== undefined) return renderErrorEs(err.code, params)
    return err.message
  }
  return err instanceof Error ? err.message : String(err)
}

/** Whether an error is one the page shows to the member (the rest are faults). */
export function isShown (err: unknown): boolean {
  return err instanceof ApiError || err instanceof DiscoError
}
