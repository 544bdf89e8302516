import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import type { OpRef } from './ops.js'

/**
 * Entry ids: `<writer key hex>-<block seq>-<index in block>`. Derived from where the op sits,
 * so nobody can choose or reuse one. People see and type the short form, `<8 hex>-<seq>-<index>`,
 * which a node resolves against the writers it knows (like a git commit prefix).
 */
export function opId (ref: OpRef): string {
  return opIdOf(b4a.toString(ref.writer, 'hex'), ref.seq, ref.index)
}

/** The same id from the writer's key already in hex (apply has it, for every op of a block). */
export function opIdOf (writerHex: string, seq: number, index: number): string {
  return `${writerHex}-${seq}-${index}`
}

export function shortId (id: string): string {
  const dash = id.indexOf('-')
  return dash > 8 ? id.slice(0, 8) + id.slice(dash) : id
}

export interface ParsedId {
  /** hex prefix of the writer key (the whole key in a full id) */
  writerPrefix: string
  seq: number
  index: number
}

export function parseId (text: string): ParsedId {
  const m = /^([0-9a-f]{4,64})-(\d{1,15})-(\d{1,5})$/.exec(text.trim().toLowerCase())
  if (m === null) throw DiscoError.invalidEntryId(text)
  return { writerPrefix: m[1] as string, seq: Number(m[2]), index: Number(m[3]) }
}

export function refFromFullId (id: string): OpRef {
  const p = parseId(id)
  if (p.writerPrefix.length !== 64) throw DiscoError.invalidEntryId(id)
  return { writer: b4a.from(p.writerPrefix, 'hex'), seq: p.seq, index: p.index }
}
