import type { Command } from 'commander'
import type { AnyCommandSpec } from './command-spec.js'

/**
 * A command's module: a `register` that declares its commands on commander, or `specs`, its
 * commands as data (command-spec.ts), which both the full CLI and the thin path read.
 */
export interface CommandModule {
  register?: (program: Command) => void
  specs?: AnyCommandSpec[]
}

/** Each command's module, by the command names it registers, in the order of `disco --help`. */
export const COMMANDS: Array<[string[], () => Promise<CommandModule>]> = [
  [['demo'], async () => await import('./demo.js')],
  [['init'], async () => await import('./init.js')],
  [['log'], async () => await import('./log.js')],
  [['amend'], async () => await import('./amend.js')],
  [['retract'], async () => await import('./retract.js')],
  [['entries'], async () => await import('./entries.js')],
  [['balance'], async () => await import('./balance.js')],
  [['import'], async () => await import('./import.js')],
  [['timer'], async () => await import('./timer.js')],
  [['status'], async () => await import('./status.js')],
  [['members'], async () => await import('./members.js')],
  [['profile'], async () => await import('./profile.js')],
  [['rejections'], async () => await import('./rejections.js')],
  [['start'], async () => await import('./start.js')],
  [['invite'], async () => await import('./invite.js')],
  [['join'], async () => await import('./join.js')],
  [['dht'], async () => await import('./dht.js')],
  [['mirror'], async () => await import('./mirror.js')],
  [['propose'], async () => await import('./propose.js')],
  [['vote', 'close', 'proposals'], async () => await import('./vote.js')],
  [['ballot', 'object', 'resolve', 'decide'], async () => await import('./decision.js')],
  [['endorse'], async () => await import('./endorse.js')],
  [['income'], async () => await import('./income.js')],
  [['paid'], async () => await import('./paid.js')],
  [['statement'], async () => await import('./statement.js')],
  [['credits'], async () => await import('./credits.js')],
  [['report'], async () => await import('./report.js')],
  [['evaluate'], async () => await import('./evaluate.js')],
  [['export'], async () => await import('./export.js')],
  [['rules'], async () => await import('./rules.js')],
  [['verify'], async () => await import('./verify.js')],
  [['repair'], async () => await import('./repair.js')],
  [['device-key'], async () => await import('./device-key.js')],
  [['serve'], async () => await import('./serve.js')],
  [['federation'], async () => await import('./federation.js')],
  [['federate'], async () => await import('./federate.js')],
  [['checkin'], async () => await import('./checkin.js')],
  [['verify-evidence'], async () => await import('./verify-evidence.js')]
]

/** The module that declares the command `word`, if any. */
export function commandModule (word: string): (() => Promise<CommandModule>) | undefined {
  return COMMANDS.find(([names]) => names.includes(word))?.[1]
}
