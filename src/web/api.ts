import { DiscoError } from '../errors.js'
import type { CommandName } from '../service/handlers.js'

/**
 * The dashboard's JSON API: each route is one command of the dispatch table (src/service/handlers.ts),
 * so the web is one more transport to the handlers the CLI and the control socket call. GET routes
 * read their input from the query string (only the fields listed; flags are "1"/"true"), POST routes
 * take the command's input as a JSON object in the body, as `disco <command> --json` would send it.
 */
type Field = 'string' | 'flag' | 'number'

export interface Route {
  method: 'GET' | 'POST'
  command: CommandName
  /** GET: the query parameters the command takes */
  query?: Record<string, Field>
}

const PERIOD = { month: 'string', from: 'string', to: 'string' } as const

export const ROUTES: Record<string, Route> = {
  '/api/status': { method: 'GET', command: 'status', query: {} },
  '/api/members': { method: 'GET', command: 'members', query: {} },
  '/api/rules': { method: 'GET', command: 'rules', query: {} },
  '/api/report': { method: 'GET', command: 'report', query: { ...PERIOD, by: 'string' } },
  '/api/entries': { method: 'GET', command: 'entries', query: { member: 'string', stream: 'string', month: 'string', project: 'string', limit: 'number', unendorsed: 'flag', before: 'string' } },
  '/api/balance': { method: 'GET', command: 'balance', query: { member: 'string', month: 'string' } },
  '/api/credits': { method: 'GET', command: 'credits', query: { member: 'string', month: 'string', lifetime: 'flag' } },
  '/api/statement': { method: 'GET', command: 'statement', query: { month: 'string' } },
  '/api/proposals': { method: 'GET', command: 'proposals', query: { open: 'flag' } },
  '/api/federation': { method: 'GET', command: 'federation', query: { removed: 'flag' } },
  '/api/log': { method: 'POST', command: 'log' },
  '/api/amend': { method: 'POST', command: 'amend' },
  '/api/retract': { method: 'POST', command: 'retract' },
  '/api/endorse': { method: 'POST', command: 'endorse' },
  '/api/propose': { method: 'POST', command: 'propose' },
  '/api/vote': { method: 'POST', command: 'vote' },
  '/api/close': { method: 'POST', command: 'close' },
  '/api/income': { method: 'POST', command: 'income' },
  '/api/paid': { method: 'POST', command: 'paid' },
  '/api/checkin': { method: 'POST', command: 'checkin' }
}

/** The command's input from a query string: empty values are absent, as an option not given. */
export function queryInput (params: URLSearchParams, fields: Record<string, Field>): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const text = params.get(name)
    if (text === null || text.trim() === '') continue
    if (field === 'string') input[name] = text
    else if (field === 'flag') {
      if (text !== '1' && text !== 'true' && text !== '0' && text !== 'false') {
        throw DiscoError.invalidField(name, 'not-flag', { value: text.slice(0, 40) })
      }
      if (text === '1' || text === 'true') input[name] = true
    } else {
      // a whole number; the handler checks its range and says so in its own words
      if (!/^-?\d{1,15}$/.test(text.trim())) throw DiscoError.invalidField(name, 'not-whole', { value: text.slice(0, 40) })
      input[name] = Number(text)
    }
  }
  return input
}
