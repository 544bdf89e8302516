import { DiscoError } from '../errors.js'

/** The three kinds of value a DisCO tracks. The order is the wire tag: never reorder. */
export const STREAMS = ['livelihood', 'love', 'care'] as const
export type Stream = typeof STREAMS[number]

/** Whom care work was for. The order is the wire tag (0 means "not care work"). */
export const CARE_TARGETS = ['collective', 'person'] as const
export type CareTarget = typeof CARE_TARGETS[number]

export function isStream (value: unknown): value is Stream {
  return typeof value === 'string' && (STREAMS as readonly string[]).includes(value)
}

export function parseStream (text: string): Stream {
  const lower = text.trim().toLowerCase()
  if (!isStream(lower)) throw DiscoError.invalidStream(text)
  return lower
}

export function isCareTarget (value: unknown): value is CareTarget {
  return typeof value === 'string' && (CARE_TARGETS as readonly string[]).includes(value)
}

export function parseCareTarget (text: string): CareTarget {
  const lower = text.trim().toLowerCase()
  if (!isCareTarget(lower)) throw DiscoError.invalidField('--for', 'care-target', { value: text })
  return lower
}
