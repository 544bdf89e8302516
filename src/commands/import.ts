import fs from 'node:fs/promises'
import { idempotencyKeysWithPrefix } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { DATE_FORMATS, parseImportFile } from '../ledger/import/index.js'
import type { DateFormat, DetectedLayout } from '../ledger/import/index.js'
import { canLogValue } from '../ledger/roles.js'
import { parseStream } from '../ledger/streams.js'
import type { DiscoErrorJson } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'

export interface ImportInput {
  /** path of a Clockify, Toggl Track or Harvest detailed report, exported as CSV */
  file: string
  /** the stream every row is logged in (the file has none) */
  stream: string
  /** the names (or emails) in the file that are you; your member name when absent */
  users?: string[]
  dateFormat?: DateFormat
  /** import the good rows of a file that has bad ones */
  skipBad?: boolean
  /** called as rows are written: (rows written so far, rows to write) */
  onProgress?: (done: number, total: number) => void
}

export interface ImportOutput {
  file: string
  /** which tool's report the file is, and the layout its dates and numbers were read in */
  layout: DetectedLayout
  /** rows in the file, everyone's */
  rows: number
  imported: number
  /** rows already in the ledger from an earlier run of the same import */
  alreadyImported: number
  /** rows by other people (a team export): theirs to import, not errors */
  notYours: number
  /** those people, as the file names them */
  others: string[]
  /** bad rows skipped with --skip-bad */
  skipped: DiscoErrorJson[]
}
/** ops per append: a progress step (each becomes one or two packed blocks) */
const CHUNK = 1000

/**
 * Import hours from a time tracker's export (src/ledger/import: Clockify, Toggl Track, Harvest),
 * all or nothing: a file with a bad row imports nothing unless
 * `skipBad`. Each row carries an idempotency key made from its content, so a re-run adds nothing.
 */
export async function importFile (node: LedgerNode, input: ImportInput): Promise<ImportOutput> {
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
  const users = input.users !== undefined && input.users.length > 0 ? input.users : [me.name]
  const parsed = parseImportFile(text, {
    stream,
    users,
    ...(input.dateFormat !== undefined ? { dateFormat: input.dateFormat } : {})
  })
  if (parsed.bad.length > 0 && input.skipBad !== true) throw DiscoError.badRows(parsed.bad)
  if (parsed.rows.length === 0 && parsed.bad.length === 0 && parsed.notYours > 0) throw noRowsOfYours(parsed.notYours, parsed.others, users)

  const snap = node.snapshot()
  let done: Set<string>
  try {
    done = await idempotencyKeysWithPrefix(snap, me.id, parsed.keyPrefix)
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
    layout: parsed.layout,
    rows: parsed.rows.length + parsed.bad.length + parsed.notYours,
    imported: fresh.length,
    alreadyImported: parsed.rows.length - fresh.length,
    notYours: parsed.notYours,
    others: parsed.others,
    skipped: parsed.bad.map(e => e.toJSON())
  }
}

/** A file with rows, none of them this member's: most likely the file names them otherwise. */
function noRowsOfYours (count: number, others: string[], users: string[]): DiscoError {
  const shown = others.slice(0, 5).map(o => `"${o}"`).join(', ') + (others.length > 5 ? `, and ${others.length - 5} more` : '')
  return new DiscoError('NO_ROWS_OF_YOURS', `none of the ${count} row${count === 1 ? '' : 's'} is by ${users.map(u => `"${u}"`).join(' or ')}: ` +
    `the file has rows by ${shown}. Pass --user with your name or email as the file writes it`)
}
