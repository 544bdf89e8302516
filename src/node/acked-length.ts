import fs from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { syncPath } from './storage.js'

/**
 * How far this device's own log has been acknowledged: `acked-length` in the storage folder,
 * written and synced to the disk after every append the node acknowledges, before the caller hears
 * "logged".
 *
 * Why a file of its own: the storage engine (RocksDB) keeps recent writes in a write-ahead log it
 * does not sync, and replays it on open only up to the first damaged record, silently. A damaged
 * log, or a power cut, then opens as a shorter core with a valid signature: the device would sign
 * new blocks over the lost ones, a second history at the same length (a fork), while peers may
 * hold the first. This record survives what the engine loses, so the node can tell (log-tail.ts).
 *
 * The file holds two fixed-size slots written in turn, each with its own checksum, so a write cut
 * short by a crash spoils at most the slot being written and the other still holds the previous
 * length. Lengths only grow; a slot for another core (the folder reused) is ignored.
 */
const FILE = 'acked-length'
const SLOT = 160
const MAGIC = 'disco-acked-length 1'

export interface AckedLength {
  /** the device's own core, hex */
  key: string
  length: number
}

export function ackedLengthPath (storage: string): string {
  return path.join(storage, FILE)
}

/** The longest valid record in the file (of `key` when given), or null: no file, or nothing valid. */
export async function readAckedLength (storage: string, key: string | null = null): Promise<AckedLength | null> {
  const best = await readBest(storage, key)
  return best === null ? null : { key: best.key, length: best.length }
}

/** the longest valid slot (for `key`, when given), and which slot it is */
async function readBest (storage: string, key: string | null): Promise<(AckedLength & { slot: number }) | null> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(ackedLengthPath(storage))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  let best: (AckedLength & { slot: number }) | null = null
  for (let slot = 0; slot < 2 && (slot + 1) * SLOT <= bytes.length; slot++) {
    const record = parseSlot(bytes.subarray(slot * SLOT, (slot + 1) * SLOT).toString('latin1'))
    if (record !== null && (key === null || record.key === key) && (best === null || record.length > best.length)) best = { ...record, slot }
  }
  return best
}

function checksum (body: string): string {
  return crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)
}

function formatSlot (record: AckedLength): Buffer {
  const body = `${MAGIC} ${record.key} ${record.length}`
  return Buffer.from(`${body} ${checksum(body)}\n`.padEnd(SLOT, ' '), 'latin1')
}

function parseSlot (text: string): AckedLength | null {
  const m = /^(disco-acked-length 1 ([0-9a-f]{64}) (\d{1,15})) ([0-9a-f]{16})\n/.exec(text)
  if (m === null || checksum(m[1] as string) !== m[4]) return null
  return { key: m[2] as string, length: Number(m[3]) }
}

/**
 * The record, open for writing while the node runs. `record(n)` resolves once the file on disk
 * says at least n; calls made while a write is under way share the next one, so a burst of
 * appends costs one write and one sync, not one each.
 */
export class AckedLengthRecord {
  private written: number
  private wanted: number
  private writing: Promise<void> | null = null
  private slot = 0
  private failed: unknown = null

  private constructor (private readonly file: fs.FileHandle, private readonly key: string, length: number) {
    this.written = length
    this.wanted = length
  }

  /** Opens (creating if absent) the record of core `key`, which stands at `length` now. */
  static async open (storage: string, key: string, length: number): Promise<AckedLengthRecord> {
    const known = await readBest(storage, key)
    const existed = await fs.access(ackedLengthPath(storage)).then(() => true, () => false)
    // read and write, created if absent; not O_APPEND, under which Linux's pwrite ignores the offset
    const file = await fs.open(ackedLengthPath(storage), fsConstants.O_RDWR | fsConstants.O_CREAT, 0o600)
    // a new file's name is on the disk once its folder is synced: a power cut before that would
    // leave no record at all, and a device with no record guards nothing (test/power-cut.test.ts)
    if (!existed) await syncPath(storage)
    const record = new AckedLengthRecord(file, key, known?.length ?? -1)
    // the next write goes to the other slot than the one holding the longest length, so a write
    // cut short leaves that one whole
    record.slot = known === null ? 0 : 1 - known.slot
    // the file catches up with the core (a first run, or a folder from before this record)
    if (known === null || known.length < length) await record.record(length)
    return record
  }

  /** the length the file on disk holds */
  get length (): number {
    return Math.max(0, this.written)
  }

  async record (length: number): Promise<void> {
    if (this.failed !== null) throw this.failed
    if (length > this.wanted) this.wanted = length
    while (this.written < length) {
      this.writing ??= this.writeWanted()
      await this.writing
    }
  }

  private async writeWanted (): Promise<void> {
    const length = this.wanted
    try {
      await this.file.write(formatSlot({ key: this.key, length }), 0, SLOT, this.slot * SLOT)
      await this.file.datasync()
      this.slot = 1 - this.slot
      this.written = length
    } catch (err) {
      this.failed = err
      throw err
    } finally {
      this.writing = null
    }
  }

  async close (): Promise<void> {
    await this.writing?.catch(() => {})
    await this.file.close()
  }
}
