import type { Command } from 'commander'
import { DiscoError } from '../../src/errors.js'

/** The options every command takes, and the small parsers commander calls for values. */
export interface GlobalOptions {
  storage?: string
  json?: boolean
}

export function globals (cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>()
}

export function collect (value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

export function positiveInt (flag: string, min = 1) {
  return (value: string): number => {
    if (!/^\d{1,9}$/.test(value) || Number(value) < min) throw DiscoError.invalidArgument(`${flag} must be a whole number of ${min} or more, not "${value}"`)
    return Number(value)
  }
}

/** Examples printed under a command's --help. */
export function examples (cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', '\nExamples:\n' + lines.map(l => `  $ ${l}`).join('\n'))
}
