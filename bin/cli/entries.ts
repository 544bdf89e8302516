import type { Command } from 'commander'
import { examples, globals, positiveInt } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import { entriesTable } from './format.js'

export function register (program: Command): void {
  examples(program.command('entries')
    .description("list the ledger's value entries, oldest first (retracted ones marked)")
    .option('--member <name-or-id>', "only this member's")
    .option('--stream <stream>', 'only livelihood, love or care')
    .option('--month <YYYY-MM>', 'only work dated in this month')
    .option('--project <name>', 'only this project')
    .option('--limit <n>', 'only the most recent n', positiveInt('--limit'))
    .option('--unendorsed', 'only entries that await an endorsement from another member (disco endorse)')
    .option('--before <cursor>', 'the page before this one: the "next" a listing with --limit printed (a long listing, a page at a time)')
    .action(async (o: { member?: string, stream?: string, month?: string, project?: string, limit?: number, unendorsed?: boolean, before?: string }, c: Command) => {
      const out = await runCommand(c, 'entries', o)
      if (globals(c).json === true) return printJson(out)
      printLines(entriesTable(out.entries))
      if (out.next !== undefined) process.stderr.write(`older entries: disco entries --limit ${String(o.limit)} --before ${out.next}\n`)
    }), ['disco entries --month 2026-11', 'disco entries --member Ana --stream love --limit 20', 'disco entries --limit 500 --json  # then --before <its "next">', 'disco entries --unendorsed'])
}
