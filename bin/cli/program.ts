import { Command } from 'commander'
import type { CommandModule } from './commands.js'
import { registerSpec } from './spec-register.js'

/** Where commander writes: help (writeErr) and its own error lines (outputError, which main.ts silences). */
export interface ProgramOutput {
  writeErr: (text: string) => void
  outputError: (text: string, write: (text: string) => void) => void
}

/**
 * The `disco` program: its global options and the commands of the given modules, in their order
 * (so `disco --help` lists them so). Every command and subcommand reports a usage error by throwing
 * it (main.ts prints it, exit 2), never by exiting itself.
 */
export function buildProgram (modules: CommandModule[], output: ProgramOutput): Command {
  const program = new Command()
    .name('disco')
    .description("a DisCO member's node: the cooperative's open ledger of livelihood, love and care work")
    .option('--storage <dir>', 'where this node keeps its data (default: $XDG_DATA_HOME/disco or ~/.local/share/disco)')
    .option('--json', 'print machine-readable JSON')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput(output)
  for (const module of modules) {
    for (const spec of module.specs ?? []) registerSpec(program, spec)
    module.register?.(program)
  }
  const quietly = (cmd: Command): void => {
    cmd.exitOverride().configureOutput(output)
    for (const sub of cmd.commands) quietly(sub)
  }
  for (const cmd of program.commands) quietly(cmd)
  return program
}
