import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import { entryFieldInput, entryFieldOptions } from './log.js'
import type { EntryFieldOptions } from './log.js'
import { entryLine } from './format.js'
import { addOptions } from './spec-register.js'

type AmendOptions = Omit<EntryFieldOptions, 'project'> & { stream?: string, duration?: string, money?: boolean, project?: string | false, tags?: boolean, output?: boolean }

export function register (program: Command): void {
  const cmd = program.command('amend')
    .description('correct one of your entries (a new op; the old values stay in the history)')
    .argument('<entry-id>', 'the id disco entries shows, e.g. 3f9a1c2b-4-0')
    .option('--stream <stream>', 'move it to another stream')
    .option('--duration <duration>', 'the corrected duration')
  addOptions(cmd, entryFieldOptions('amend'))
    .option('--no-money', 'remove the amount')
    .option('--no-project', 'remove the project')
    .option('--no-tags', 'remove all tags')
    .option('--no-output', 'remove the output (quantity and unit)')
  examples(cmd.action(async (id: string, o: AmendOptions, c: Command) => {
    const { project, ...rest } = o
    const input = {
      id,
      ...entryFieldInput({ ...rest, ...(typeof project === 'string' ? { project } : {}) }),
      ...(o.stream !== undefined ? { stream: o.stream } : {}),
      ...(o.duration !== undefined ? { duration: o.duration } : {}),
      ...(o.money === false ? { clearMoney: true } : {}),
      ...(project === false ? { clearProject: true } : {}),
      ...(o.tags === false ? { clearTags: true } : {}),
      ...(o.output === false ? { clearOutput: true } : {})
    }
    const out = await runCommand(c, 'amend', input)
    if (globals(c).json === true) return printJson(out)
    printLines([`amended: ${entryLine(out.entry)}`])
  }), [
    'disco amend 3f9a1c2b-4-0 --duration 2h30m',
    'disco amend 3f9a1c2b-4-0 --amount 135 --date 2026-11-04',
    'disco amend 3f9a1c2b-4-0 -m "translated and proofread the zine" --no-tags'
  ])
}
