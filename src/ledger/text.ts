import { DiscoError } from '../errors.js'

/**
 * The one check every text field of an op passes (names, reasons, descriptions, tags): its own
 * file so that the field checks of each kind of op (validate.ts, federation.ts) share it without
 * importing each other.
 */

// C0 controls and DEL; a newline is allowed where text may span lines.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/
// Unicode bidirectional embeddings, overrides and isolates: they make text display in another order
// than it is stored ("1h for Ana" can show as something else), so an entry could say one thing and
// show another
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const PLAIN: { required?: boolean, multiline?: boolean } = Object.freeze({})

export function checkText (field: string, value: string, max: number, opts: { required?: boolean, multiline?: boolean } = PLAIN): void {
  if (typeof value !== 'string') throw DiscoError.invalidField(field, 'not-text')
  if (opts.required === true && value.trim() === '') throw DiscoError.invalidField(field, 'empty')
  // Most text is printable ASCII (every op of an import checks several fields, twice: bench P1):
  // one UTF-8 byte a character, and none of the characters refused below
  if (isPrintableAscii(value)) {
    if (value.length > max) throw DiscoError.fieldTooLong(field, max)
    return
  }
  if (Buffer.byteLength(value) > max) throw DiscoError.fieldTooLong(field, max)
  if ((opts.multiline === true ? CONTROL : CONTROL_OR_NEWLINE).test(value)) {
    throw DiscoError.invalidField(field, 'control-characters')
  }
  if (BIDI_CONTROL.test(value)) throw DiscoError.invalidField(field, 'bidi-controls')
  // a lone surrogate has no UTF-8 form: the encoder would swap it for U+FFFD, and the ledger would
  // hold other text than the member wrote
  if (LONE_SURROGATE.test(value)) throw DiscoError.invalidField(field, 'not-unicode')
}

/** Every character is between space and `~`: no control character, no newline, nothing outside ASCII. */
function isPrintableAscii (value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code > 0x7e) return false
  }
  return true
}
