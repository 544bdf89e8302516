import type { CommandSpec } from './command-spec.js'
import { positiveInt } from './options.js'
import { printLines } from './output.js'
import { entriesTable } from './format.js'

type EntriesOptions = { member?: string, stream?: string, month?: string, project?: string, limit?: number, unendorsed?: boolean, before?: string }

const entries: CommandSpec<'entries', EntriesOptions> = {
  name: 'entries',
  command: 'entries',
  description: "list the ledger's value entries, oldest first (retracted ones marked)",
  arguments: [],
  options: [
    { long: '--member', value: '<name-or-id>', description: "only this member's" },
    { long: '--stream', value: '<stream>', description: 'only livelihood, love or care' },
    { long: '--month', value: '<YYYY-MM>', description: 'only work dated in this month' },
    { long: '--project', value: '<name>', description: 'only this project' },
    { long: '--limit', value: '<n>', description: 'only the most recent n', parse: positiveInt('--limit') },
    { long: '--unendorsed', description: 'only entries that await an endorsement from another member (disco endorse)' },
    { long: '--before', value: '<cursor>', description: 'the page before this one: the "next" a listing with --limit printed (a long listing, a page at a time)' }
  ],
  examples: ['disco entries --month 2026-11', 'disco entries --member Ana --stream love --limit 20', 'disco entries --limit 500 --json  # then --before <its "next">', 'disco entries --unendorsed'],
  input: (_args, o) => o,
  print: (out, o) => {
    printLines(entriesTable(out.entries))
    if (out.next !== undefined) process.stderr.write(`older entries: disco entries --limit ${String(o.limit)} --before ${out.next}\n`)
  }
}

export const specs = [entries]
