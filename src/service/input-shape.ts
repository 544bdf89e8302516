import { DiscoError } from '../errors.js'

/**
 * The JSON shape of a command's input, checked where a request enters (src/service/handlers.ts
 * `dispatch`, which the CLI, the control socket and the dashboard's API all call): a number where
 * text goes, an array where an object goes, a field the command does not take or a required one
 * missing is an INVALID_FIELD error naming the field, before any handler runs. The handlers then
 * check what the values mean (a duration, a month) in their own words.
 *
 * `InputShape<T>` is derived from the command's input type, so a field added to a command's input
 * type does not compile until its shape says what it takes.
 */
type Scalar<V> =
  [V] extends [string] ? 'string'
    : [V] extends [number] ? 'number'
      : [V] extends [boolean] ? 'boolean'
        : [V] extends [string[]] ? 'string[]'
          : [V] extends [string | number] ? 'string|number'
            : [V] extends [string | boolean] ? 'string|boolean'
              : never

type IsOptional<T, F extends keyof T> = Record<string, never> extends Pick<T, F> ? true : false

/** An object inside the input (a rules proposal's changes): its own shape. */
export interface NestedShape<V> { fields: InputShape<V>, optional: boolean }

type FieldShape<V, Optional> = [Scalar<V>] extends [never]
  ? NestedShape<V>
  : Optional extends true ? `${Scalar<V>}?` : Scalar<V>

export type InputShape<T> = { [F in keyof T]-?: FieldShape<NonNullable<T[F]>, IsOptional<T, F>> }

type AnyField = string | { fields: Record<string, AnyField>, optional: boolean }

/** Longest text any field takes: the ledger's own limits are far lower (src/ledger/limits.ts) and
 * are checked with the handler's words; this only keeps a huge value from going further. */
export const MAX_TEXT_BYTES = 64 * 1024
/** Most items a list field (tags, users, devices, rates) takes. */
export const MAX_LIST = 1024

function kindOf (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

function checkText (path: string, value: unknown): void {
  if (typeof value !== 'string') throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text', value: kindOf(value) })
  if (value.length > MAX_TEXT_BYTES || Buffer.byteLength(value, 'utf8') > MAX_TEXT_BYTES) {
    throw DiscoError.invalidField(path, 'text-too-long', { max: MAX_TEXT_BYTES })
  }
}

function checkScalar (path: string, kind: string, value: unknown): void {
  switch (kind) {
    case 'string':
      return checkText(path, value)
    case 'number':
      if (typeof value !== 'number') throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a number', value: kindOf(value) })
      if (!Number.isFinite(value)) throw DiscoError.invalidField(path, 'not-finite')
      return
    case 'boolean':
      if (typeof value !== 'boolean') throw DiscoError.invalidField(path, 'wrong-type', { expected: 'true or false', value: kindOf(value) })
      return
    case 'string[]':
      if (!Array.isArray(value)) throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a list of text', value: kindOf(value) })
      if (value.length > MAX_LIST) throw DiscoError.invalidField(path, 'list-too-long', { max: MAX_LIST })
      value.forEach((item, i) => checkText(`${path}[${i}]`, item))
      return
    case 'string|number':
      if (typeof value === 'number') return checkScalar(path, 'number', value)
      if (typeof value !== 'string') throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text or a number', value: kindOf(value) })
      return checkText(path, value)
    case 'string|boolean':
      if (typeof value === 'boolean') return
      if (typeof value !== 'string') throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text or true/false', value: kindOf(value) })
      return checkText(path, value)
  }
  throw new Error(`unknown field kind ${kind}`) // a mistake in a shape table, not in the input
}

function checkObject (path: string, value: unknown, fields: Record<string, AnyField>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a JSON object', value: kindOf(value) })
  }
  const input = value as Record<string, unknown>
  const at = (name: string): string => path === 'input' ? name : `${path}.${name}`
  for (const name of Object.keys(input)) {
    // a field given as undefined is a field not given (the CLI builds inputs that way)
    if (input[name] === undefined) continue
    if (!Object.hasOwn(fields, name)) throw DiscoError.invalidField(at(name), 'unknown-field')
  }
  for (const [name, field] of Object.entries(fields)) {
    const given = Object.hasOwn(input, name) ? input[name] : undefined
    const optional = typeof field === 'string' ? field.endsWith('?') : field.optional
    if (given === undefined) {
      if (!optional) throw DiscoError.invalidField(at(name), 'required')
      continue
    }
    if (typeof field === 'string') checkScalar(at(name), optional ? field.slice(0, -1) : field, given)
    else checkObject(at(name), given, field.fields)
  }
}

/** Throws INVALID_FIELD (an input error: exit 2, HTTP 400) unless `input` has the shape. */
export function checkInput<T> (input: unknown, shape: InputShape<T>): asserts input is T {
  checkObject('input', input, shape as Record<string, AnyField>)
}
