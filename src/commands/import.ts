import fs from 'node:fs/promises'
import { idempotencyKeysWithPrefix } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { IMPORT_KEY_PREFIX, parseClockifyCsv } from '../ledger/import/clockify.js'
import type { DateFormat } from '../ledger/import/clockify.js'
import { canLogValue } from '../ledger/roles.js'
import { parseStream } from '../ledger/streams.js'
import type { DiscoErrorJson } from '../errors.js'
import type { DiscoNode } from '../node.js'
import { localMember } from './session.js'

export interface ImportInput {
  /** path of a Clockify "detailed report" CSV export */
  file: string
  /** the stream every row is logged in (the file has none) */
  stream: string
  /** the names in the file's User column that are you; your member name when absent */
  users?: string[]
  dateFormat?: DateFormat
  /** import the good rows of a file that has bad ones */
  skipBad?: boolean
  /** called as rows are written: (rows written so far, rows to write) */
  onProgress?: (done: number, total: number) => void
}

export interface ImportOutput {
  file: string
  rows: number
  imported: number
  /** rows already in the ledger from an earlier run of the same import */
  alreadyImported: number
  /** bad rows skipped with --skip-bad */
  skipped: DiscoErrorJson[]
}

const DATE_FORMATS: readonly DateFormat[] = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY']
/** ops per append: a progress step (each becomes one or two packed blocks) */
const CHUNK = 1000

/**
 * Import hours from a time tracker, all or nothing: a file with a bad row imports nothing unless
 * `skipBad`. Each row carries an idempotency key made from its content, so a re-run adds nothing.
 */
export async function importFile (node: DiscoNode, input: ImportInput): Promise<ImportOutput> {
  const stream = parseStream(input.stream)
  if (input.dateFormat !== undefined && !DATE_FORMATS.includes(input.dateFormat)) {
    throw DiscoError.invalidArgument(`--date-format must be one of ${DATE_FORMATS.join(', ')}`)
  }
  const me = await localMember(node)
  if (!canLogValue(me.role)) throw DiscoError.notAllowed(me.role, 'log-value')

  let text: string
  try {
    text = await fs.readFile(input.file, 'utf8')
  } catch (err) {
    throw DiscoError.fileUnreadable(input.file, (err as NodeJS.ErrnoException).code ?? (err as Error).message)
  }
  const parsed = parseClockifyCsv(text, {
    stream,
    users: input.users !== undefined && input.users.length > 0 ? input.users : [me.name],
    ...(input.dateFormat !== undefined ? { dateFormat: input.dateFormat } : {})
  })
  if (parsed.bad.length > 0 && input.skipBad !== true) throw DiscoError.badRows(parsed.bad)

  const snap = node.snapshot()
  let done: Set<string>
  try {
    done = await idempotencyKeysWithPrefix(snap, me.id, IMPORT_KEY_PREFIX)
  } finally {
    await snap.close()
  }
  const fresh = parsed.rows.map(r => r.op).filter(op => !done.has(op.key))

  for (let i = 0; i < fresh.length; i += CHUNK) {
    await node.append(fresh.slice(i, i + CHUNK))
    input.onProgress?.(Math.min(i + CHUNK, fresh.length), fresh.length)
  }
  return {
    file: input.file,
    rows: parsed.rows.length + parsed.bad.length,
    imported: fresh.length,
    alreadyImported: parsed.rows.length - fresh.length,
    skipped: parsed.bad.map(e => e.toJSON())
  }
}
