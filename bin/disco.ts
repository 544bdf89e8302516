#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { exitCodeOf, printError } from './cli/output.js'
import { DiscoError } from '../src/errors.js'

// The CLI is a transport: it parses, calls a handler in src/commands (imported lazily, so that
// `disco --help` does not load the ledger), and prints. Key material and the store stay owner-only.
process.umask(0o077)
// `disco entries | head`: a reader that stops early is not an error of ours
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err })

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
const program = new Command()
  .name('disco')
  .description("a DisCO member's node: the cooperative's open ledger of livelihood, love and care work")
  .option('--storage <dir>', 'where this node keeps its data (default: $XDG_DATA_HOME/disco or ~/.local/share/disco)')
  .option('--json', 'print machine-readable JSON')
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput(output)

/** Each command's module, by the command names it registers, in the order of `disco --help`. */
type CommandModule = { register: (program: Command) => void }
const COMMANDS: Array<[string[], () => Promise<CommandModule>]> = [
  [['demo'], async () => await import('./cli/demo.js')],
  [['init'], async () => await import('./cli/init.js')],
  [['log'], async () => await import('./cli/log.js')],
  [['amend'], async () => await import('./cli/amend.js')],
  [['retract'], async () => await import('./cli/retract.js')],
  [['entries'], async () => await import('./cli/entries.js')],
  [['balance'], async () => await import('./cli/balance.js')],
  [['import'], async () => await import('./cli/import.js')],
  [['timer'], async () => await import('./cli/timer.js')],
  [['status'], async () => await import('./cli/status.js')],
  [['members'], async () => await import('./cli/members.js')],
  [['profile'], async () => await import('./cli/profile.js')],
  [['rejections'], async () => await import('./cli/rejections.js')],
  [['start'], async () => await import('./cli/start.js')],
  [['invite'], async () => await import('./cli/invite.js')],
  [['join'], async () => await import('./cli/join.js')],
  [['dht'], async () => await import('./cli/dht.js')],
  [['mirror'], async () => await import('./cli/mirror.js')],
  [['propose'], async () => await import('./cli/propose.js')],
  [['vote', 'close', 'proposals'], async () => await import('./cli/vote.js')],
  [['ballot', 'object', 'resolve', 'decide'], async () => await import('./cli/decision.js')],
  [['endorse'], async () => await import('./cli/endorse.js')],
  [['income'], async () => await import('./cli/income.js')],
  [['paid'], async () => await import('./cli/paid.js')],
  [['statement'], async () => await import('./cli/statement.js')],
  [['credits'], async () => await import('./cli/credits.js')],
  [['report'], async () => await import('./cli/report.js')],
  [['evaluate'], async () => await import('./cli/evaluate.js')],
  [['export'], async () => await import('./cli/export.js')],
  [['rules'], async () => await import('./cli/rules.js')],
  [['verify'], async () => await import('./cli/verify.js')],
  [['repair'], async () => await import('./cli/repair.js')],
  [['device-key'], async () => await import('./cli/device-key.js')],
  [['serve'], async () => await import('./cli/serve.js')],
  [['federation'], async () => await import('./cli/federation.js')],
  [['federate'], async () => await import('./cli/federate.js')],
  [['checkin'], async () => await import('./cli/checkin.js')],
  [['verify-evidence'], async () => await import('./cli/verify-evidence.js')]
]

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
for (const command of await commandsFor(args)) command.register(program)
// every command and subcommand reports usage errors to us (exit 2), not by exiting itself
const quietly = (cmd: Command): void => {
  cmd.exitOverride().configureOutput(output)
  for (const sub of cmd.commands) quietly(sub)
}
for (const cmd of program.commands) quietly(cmd)

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
