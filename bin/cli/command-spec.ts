import type { CommandInput, CommandName, CommandOutput } from '../../src/service/handlers.js'

/**
 * A command of the dispatch table declared as data: its words, arguments and options once, for
 * both of the CLI's parsers. `bin/cli/main.ts` registers it with commander (spec-register.ts:
 * the help, the usage errors); the thin path (thin.ts) parses the same declaration without
 * commander when a node runs, and falls back to commander for anything it is not sure of. The
 * same `input` and `print` run on either path, so the command says and does the same.
 *
 * Only what the thin parser models can be declared here: flags, options taking one value
 * (`<value>`), required options, and `<required>` / `[optional]` arguments. A command that needs
 * more (negatable `--no-…` options, defaults, variadic arguments, subcommands) keeps a
 * `register` of its own.
 */
export interface OptionSpec {
  /** '--member' */
  long: string
  /** '-m' */
  short?: string
  /** '<name-or-id>': the option takes one value; absent: a flag (true when given) */
  value?: string
  description: string
  /** commander's argParser: the value from its text (given the previous one, for a repeated option) */
  parse?: (text: string, previous: any) => unknown
  /** a usage error when missing (commander's requiredOption) */
  required?: boolean
}

export interface ArgumentSpec {
  /** '<stream>' (required) or '[duration]' (optional) */
  name: string
  description: string
}

export type Arguments = Array<string | undefined>

export interface CommandSpec<K extends CommandName = CommandName, O = any> {
  /** the word on the command line */
  name: string
  /** the handler it runs (src/service/handlers.ts) */
  command: K
  description: string
  arguments: ArgumentSpec[]
  options: OptionSpec[]
  /** lines printed under its --help */
  examples: string[]
  /** the handler's input from the arguments (undefined where an optional one was left out) and options */
  input: (args: Arguments, options: O) => CommandInput<K>
  /** what a person reads (`--json` prints the handler's output as is) */
  print: (out: CommandOutput<K>, options: O) => void
}

/** A spec of any command, as the CLI's tables hold them (each file types its own). */
export type AnyCommandSpec = CommandSpec<any, any>

/** The flags as commander takes and shows them: '-m, --message <text>'. */
export function optionFlags (o: OptionSpec): string {
  return [o.short, o.long].filter(f => f !== undefined).join(', ') + (o.value !== undefined ? ` ${o.value}` : '')
}

/** The key commander stores an option's value under: '--confirm-timeout' → 'confirmTimeout'. */
export function optionKey (o: OptionSpec): string {
  return o.long.slice(2).split('-').reduce((key, word) => key + (word[0] ?? '').toUpperCase() + word.slice(1))
}

export const isRequired = (a: ArgumentSpec): boolean => a.name.startsWith('<')
