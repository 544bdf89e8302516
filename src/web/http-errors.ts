import { DiscoError } from '../errors.js'
import type { DiscoErrorJson } from '../errors.js'

/** Codes that say "this clashes with what the ledger already holds" rather than "bad input". */
const CONFLICTS = new Set([
  'ALREADY_FOUNDED', 'ALREADY_ENDORSED', 'ALREADY_PAID', 'ALREADY_INITIALISED', 'DUPLICATE_KEY',
  'PROPOSAL_DECIDED', 'MONTH_DISTRIBUTED', 'ENTRY_RETRACTED', 'STORE_BUSY', 'STOPPING', 'WRITER_EXISTS'
])

/** A handler's error as the web API sends it: the CLI's --json error, and the params its words were
 * rendered from (a catalogued error), so that the page can say it in the member's language. */
export type WebErrorJson = DiscoErrorJson & { params?: Record<string, string | number | boolean | null> }

/**
 * The HTTP status of a handler's error: its DiscoError code and message are the body unchanged,
 * so the page shows exactly what the CLI prints.
 */
export function httpError (err: unknown): { status: number, body: { error: WebErrorJson } } {
  if (err instanceof DiscoError) {
    const status = err.code.endsWith('_NOT_FOUND') ? 404
      : CONFLICTS.has(err.code) ? 409
        : err.code === 'NOT_ALLOWED' ? 403
          : err.kind === 'input' ? 400 : 500
    const error: WebErrorJson = err.toJSON()
    if (err.params !== null) error.params = { ...err.params }
    return { status, body: { error } }
  }
  const message = err instanceof Error ? err.message : String(err)
  return { status: 500, body: { error: { code: 'INTERNAL', message } } }
}
