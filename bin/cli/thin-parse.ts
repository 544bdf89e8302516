import { isRequired, optionKey } from './command-spec.js'
import type { AnyCommandSpec, Arguments } from './command-spec.js'

/**
 * The thin path's parser: the command lines commander reads one way only, parsed from the
 * command's declaration (command-spec.ts) to exactly what commander would give its action, and
 * null for everything else, which the full CLI then parses (and reports, if it is wrong). So
 * null is always safe; a wrong answer is not: test/thin-parse.test.ts compares every answer with
 * commander's on generated command lines.
 *
 * What it takes: the global `--storage <dir>` / `--storage=<dir>` and `--json` anywhere, before
 * or after the command word (commander's program reads them anywhere); after the word, the
 * command's options as `--long value`, `--long=value`, `-s value` or a flag, and its arguments.
 * What it leaves to commander: help (`-h`, `--help`, the `help` word), `--`, a value missing or
 * starting with '-', an unknown or combined short option, a flag given `=value`, a negative
 * number, too few or too many arguments, a required option missing, a value its parser refuses.
 */

const GLOBAL_VALUE = '--storage'
const GLOBAL_FLAG = '--json'

export interface ThinCall {
  args: Arguments
  options: Record<string, unknown>
  storage?: string
  json: boolean
}

/**
 * The command word, when only global options come before it (otherwise commander reads the line
 * differently, or it is an error): null when there is none.
 */
export function commandWord (argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === GLOBAL_VALUE) {
      const v = argv[i + 1]
      if (v === undefined || v.startsWith('-')) return null
      i++
    } else if (a === GLOBAL_FLAG || a.startsWith(GLOBAL_VALUE + '=')) continue
    else if (a.startsWith('-') || a === '') return null
    else return a
  }
  return null
}

/** The command line parsed for `spec`, as commander would; null where the full CLI must parse it. */
export function parseThin (argv: string[], spec: AnyCommandSpec): ThinCall | null {
  const options: Record<string, unknown> = {}
  const operands: string[] = []
  let storage: string | undefined
  let json = false
  let named = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (!a.startsWith('-')) {
      if (named) operands.push(a)
      else if (a === spec.name) named = true
      else return null
      continue
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 2 ? a.slice(0, eq) : a
    const inline = eq > 2 ? a.slice(eq + 1) : undefined
    // a value in the next word: never one that looks like an option (commander's program might
    // take it for one of its own first)
    const value = (): string | undefined => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('-')) return undefined
      i++
      return next
    }
    if (flag === GLOBAL_FLAG) {
      if (inline !== undefined) return null
      json = true
      continue
    }
    if (flag === GLOBAL_VALUE) {
      const v = value()
      if (v === undefined) return null
      storage = v
      continue
    }
    if (!named) return null
    const o = spec.options.find(o => o.long === flag || (inline === undefined && o.short === flag))
    if (o === undefined) return null
    const key = optionKey(o)
    if (o.value === undefined) {
      if (inline !== undefined) return null
      options[key] = true
      continue
    }
    const v = value()
    if (v === undefined) return null
    try {
      options[key] = o.parse !== undefined ? o.parse(v, options[key]) : v
    } catch {
      return null
    }
  }
  if (!named) return null
  const required = spec.arguments.filter(isRequired).length
  if (operands.length < required || operands.length > spec.arguments.length) return null
  if (spec.options.some(o => o.required === true && options[optionKey(o)] === undefined)) return null
  return {
    args: spec.arguments.map((_, i) => operands[i]),
    options,
    ...(storage !== undefined ? { storage } : {}),
    json
  }
}
