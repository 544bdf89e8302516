import { CommanderError } from 'commander'
import { exitCodeOf, printError } from './output.js'
import { DiscoError } from '../../src/errors.js'
import { COMMANDS } from './commands.js'
import type { CommandModule } from './commands.js'
import { buildProgram } from './program.js'

// The full CLI, with commander: what bin/disco.ts runs for every command line the thin path
// (thin.ts) does not take. It parses, calls a handler in src/commands (imported lazily, so that
// `disco --help` does not load the ledger), and prints.

const json = process.argv.includes('--json')
/**
 * Help goes to stderr only as a person reads it; usage errors are never printed by commander
 * itself (outputError): the catch below prints them, after turning the ones it can name better
 * (a negative duration) into their own errors.
 */
const output = {
  writeErr: (text: string) => { if (!json) process.stderr.write(text) },
  outputError: () => {}
}

/** The words of the command line before the first that is not an option: [index, word]. */
function words (args: string[]): Array<[number, string]> {
  const out: Array<[number, string]> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--storage') { i++; continue }
    if (a.startsWith('-')) continue
    out.push([i, a])
  }
  return out
}

const isCommand = (word: string): boolean => COMMANDS.some(([names]) => names.includes(word))

/**
 * The command line as commander should see it. A word that is no command is a usage error whatever
 * follows it: `disco bogus --help` and `disco help bogus` would otherwise print the general help
 * and exit 0, as if all were well. Dropping the help flag (or the `help` word) lets commander name
 * the unknown command, with its suggestion of a close one, and exit 2.
 */
function commandLine (args: string[]): string[] {
  const [first, second] = words(args)
  if (first === undefined) return args
  if (first[1] === 'help' && second !== undefined && !isCommand(second[1])) return args.filter((_, i) => i !== first[0])
  if (first[1] !== 'help' && !isCommand(first[1])) return args.filter(a => a !== '--help' && a !== '-h')
  return args
}

/**
 * Only the named command's module when the command line names one (a call to a running node then
 * loads a few small modules instead of all of them: bench P2); every module for `disco --help`,
 * `disco help …` or a word that is no command (so that commander lists them or suggests one).
 */
async function commandsFor (args: string[]): Promise<CommandModule[]> {
  const word = words(args)[0]?.[1]
  const named = COMMANDS.find(([names]) => word !== undefined && names.includes(word))
  return await Promise.all((named !== undefined ? [named] : COMMANDS).map(async ([, load]) => await load()))
}

/**
 * "-2h" where a duration goes is parsed as an unknown option by commander: say what it is. Any
 * other "-<digit>" word is a negative number, which no disco argument takes.
 */
function negativeValue (err: CommanderError, command: string | undefined): DiscoError | null {
  if (err.code !== 'commander.unknownOption') return null
  const m = /unknown option '(-\d[^']*)'/.exec(err.message)
  if (m === null) return null
  const text = m[1] as string
  if (command === 'log' || command === 'timer') {
    return DiscoError.invalidDuration(text, 'negative')
  }
  return DiscoError.invalidArgument(`"${text}" is a negative number, which no disco argument takes`)
}

const args = commandLine(process.argv.slice(2))
const program = buildProgram(await commandsFor(args), output)

try {
  await program.parseAsync(args, { from: 'user' })
} catch (err) {
  if (err instanceof CommanderError) {
    const negative = negativeValue(err, words(args)[0]?.[1])
    // help and --version end "successfully"; every other commander error is a usage error
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.help') {
      process.exitCode = 0
    } else if (negative !== null) {
      printError(negative, json)
      process.exitCode = exitCodeOf(negative)
    } else {
      if (json) printError(new DiscoError('USAGE', err.message.replace(/^error: /, '')), true)
      else process.stderr.write(err.message + '\n')
      process.exitCode = 2
    }
  } else {
    printError(err, json)
    process.exitCode = exitCodeOf(err)
  }
}
