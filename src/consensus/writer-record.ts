import { keys } from './view-layout.js'
import { NO_WRITER } from './view-head.js'
import type { WriterRecord } from './view-head.js'
import type { ViewTx } from './view-tx.js'

/** A writer's bookkeeping (`writer/<key>`, view-head.ts): none yet is length 0, time 0. */
export async function readWriter (tx: ViewTx, writerHex: string): Promise<WriterRecord> {
  return await tx.get<WriterRecord>(keys.writer(writerHex)) ?? NO_WRITER
}

/** The writer's latest frame time is now `time` (a frame of it taken in while it is a device). */
export async function setWriterTime (tx: ViewTx, writerHex: string, time: number): Promise<void> {
  const record = await readWriter(tx, writerHex)
  if (record.time !== time) await tx.put(keys.writer(writerHex), { ...record, time } satisfies WriterRecord)
}
