import type { Command } from 'commander'
import { optionFlags } from './command-spec.js'
import type { AnyCommandSpec, OptionSpec } from './command-spec.js'
import { examples, globals } from './options.js'
import { printJson } from './output.js'
import { runCommand } from './node-action.js'

/** Declare options on a commander command, in order (their help lists them so). */
export function addOptions (cmd: Command, options: OptionSpec[]): Command {
  for (const o of options) {
    const flags = optionFlags(o)
    if (o.required === true) {
      if (o.parse !== undefined) cmd.requiredOption(flags, o.description, o.parse)
      else cmd.requiredOption(flags, o.description)
    } else if (o.parse !== undefined) cmd.option(flags, o.description, o.parse)
    else cmd.option(flags, o.description)
  }
  return cmd
}

/** A declared command on the full CLI: commander parses, the spec's input and print run. */
export function registerSpec (program: Command, spec: AnyCommandSpec): void {
  const cmd = program.command(spec.name).description(spec.description)
  for (const a of spec.arguments) cmd.argument(a.name, a.description)
  addOptions(cmd, spec.options)
  // commander calls the action with the arguments, then the options, then the command
  cmd.action(async (...params: unknown[]) => {
    const c = params[params.length - 1] as Command
    const o = params[params.length - 2]
    const out = await runCommand(c, spec.command, spec.input(params.slice(0, -2) as Array<string | undefined>, o))
    if (globals(c).json === true) return printJson(out)
    spec.print(out, o)
  })
  examples(cmd, spec.examples)
}
