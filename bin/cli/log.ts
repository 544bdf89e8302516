import type { CommandSpec, OptionSpec } from './command-spec.js'
import { collect } from './options.js'
import { printLines } from './output.js'
import { entryLine } from './format.js'
import { DiscoError } from '../../src/errors.js'

export interface EntryFieldOptions {
  message?: string
  date?: string
  project?: string
  tag?: string[]
  amount?: string
  currency?: string
  client?: string
  commons?: string
  for?: string
  quantity?: string
  unit?: string
}

/**
 * The entry fields log and amend share. An amend changes only what it is given, so its help says
 * so where log's gives a default.
 */
export function entryFieldOptions (use: 'log' | 'amend' = 'log'): OptionSpec[] {
  const amend = use === 'amend'
  return [
    { short: '-m', long: '--message', value: '<text>', description: amend ? 'the corrected description' : 'what you did' },
    { long: '--date', value: '<YYYY-MM-DD>', description: amend ? 'the corrected date (default: the entry keeps its date)' : 'when (default: today)' },
    { long: '--project', value: '<name>', description: 'the project it was for' },
    { long: '--tag', value: '<tag>', description: amend ? 'the tags, replacing the entry\'s (repeat for more)' : 'a tag (repeat for more)', parse: collect },
    {
      long: '--amount',
      value: '<decimal>',
      description: amend
        ? 'livelihood: what it earned, e.g. 120.50 (in the entry\'s own currency unless --currency is given)'
        : 'livelihood: what it earned, e.g. 120.50 (needs --currency)'
    },
    { long: '--currency', value: '<code>', description: 'ISO 4217 currency code, e.g. EUR' },
    { long: '--client', value: '<name>', description: 'livelihood: the client' },
    { long: '--commons', value: '<name>', description: 'love: the commons it feeds' },
    { long: '--for', value: '<whom>', description: 'care: collective (default) or person' },
    { long: '--quantity', value: '<n>', description: amend ? 'the corrected output, in whole units (with --unit)' : 'what the work produced, in whole units (with --unit): it earns credits at the unit\'s rate, beside the duration or instead of it' },
    { long: '--unit', value: '<name>', description: 'the unit of --quantity, one the rules name (disco rules), e.g. words' }
  ]
}

export function entryFieldInput (o: EntryFieldOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  if (o.message !== undefined) input.description = o.message
  for (const k of ['date', 'project', 'amount', 'currency', 'client', 'commons', 'for', 'quantity', 'unit'] as const) {
    if (o[k] !== undefined) input[k] = o[k]
  }
  if (o.tag !== undefined) input.tags = o.tag
  return input
}

function seconds (text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 3600) throw DiscoError.invalidArgument(`--confirm-timeout must be whole seconds from 1 to 3600, not "${text}"`)
  return n
}

type LogOptions = EntryFieldOptions & { key?: string, confirm?: boolean, confirmTimeout?: string, forCoop?: string }

const log: CommandSpec<'log', LogOptions> = {
  name: 'log',
  command: 'log',
  description: 'log value you created: livelihood (paid work), love (commons work) or care',
  arguments: [
    { name: '<stream>', description: 'livelihood, love or care' },
    { name: '[duration]', description: 'how long: 3h, 90m, 1h30m, 1.5h or 2:30 (may be left out when --quantity and --unit say what the work produced)' }
  ],
  options: [
    ...entryFieldOptions(),
    { long: '--key', value: '<key>', description: 'idempotency key: logging again with the same key does not count twice' },
    { long: '--confirm', description: 'return only once a peer holds the entry (needs a running disco start): then losing this machine loses nothing' },
    { long: '--confirm-timeout', value: '<seconds>', description: 'how long --confirm waits (default 30)' },
    { long: '--for-coop', value: '<name>', description: 'work done for a federated cooperative (its name or id, see disco federation)' }
  ],
  examples: [
    'disco log love 3h -m "translated the zine" --project zine --tag translation',
    'disco log livelihood 1h30m --client "Acme" --amount 120.50 --currency EUR',
    'disco log care 45m --for person -m "listened to Jo" --date 2026-11-03',
    'disco log love 2h -m "fixed the build" --confirm',
    'disco log love 2h --for-coop "Other Coop" -m "reviewed their bylaws"',
    'disco log love --quantity 1200 --unit words -m "translated the interview"'
  ],
  input: ([stream, duration], o) => ({
    stream: stream as string,
    ...(duration !== undefined ? { duration } : {}),
    ...entryFieldInput(o),
    ...(o.key !== undefined ? { key: o.key } : {}),
    ...(o.forCoop !== undefined ? { forCoop: o.forCoop } : {}),
    ...(o.confirm === true ? { confirm: true, confirmTimeoutMs: seconds(o.confirmTimeout ?? '30') * 1000 } : {})
  }),
  print: (out) => printLines([`${out.duplicate ? 'already logged (same --key)' : 'logged'}${out.confirmed === true ? ' and held by a peer' : ''}: ${entryLine(out.entry)}`])
}

export const specs = [log]
