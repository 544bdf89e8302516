import type { Command } from 'commander'
import path from 'node:path'
import { collect, examples, globals } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import type { DateFormat } from '../../src/ledger/import/clockify.js'
import type { ImportProgress } from '../../src/service/handlers.js'

export function register (program: Command): void {
  examples(program.command('import')
    .description('import hours from a Clockify "detailed report" CSV; all or nothing, and a re-run adds nothing')
    .argument('<file>', 'the exported CSV file')
    .requiredOption('--stream <stream>', 'the stream the rows go in: livelihood, love or care')
    .option('--user <name>', 'the name in the file\'s User column that is you (repeat for more; default: your member name)', collect)
    .option('--date-format <format>', 'YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY (default: detected when unambiguous)')
    .option('--skip-bad', 'import the good rows of a file that has bad ones (each bad row is still reported)')
    .action(async (file: string, o: { stream: string, user?: string[], dateFormat?: string, skipBad?: boolean }, c: Command) => {
      // absolute: a running node reads the file, and it runs in another folder than this shell
      const out = await runCommand(c, 'import', {
        file: path.resolve(file),
        stream: o.stream,
        ...(o.user !== undefined ? { users: o.user } : {}),
        ...(o.dateFormat !== undefined ? { dateFormat: o.dateFormat as DateFormat } : {}),
        skipBad: o.skipBad === true
      }, {
        onProgress: p => {
          const { done, total } = p as ImportProgress
          process.stderr.write(`imported ${done}/${total} rows\n`)
        }
      })
      if (globals(c).json === true) return printJson(out)
      const lines = [`${out.imported} row${out.imported === 1 ? '' : 's'} imported, ${out.alreadyImported} already in the ledger, ${out.skipped.length} bad row${out.skipped.length === 1 ? '' : 's'} skipped`]
      for (const bad of out.skipped) lines.push(`  skipped line ${String(bad.line ?? '?')}: ${bad.message}`)
      printLines(lines)
    }), [
      'disco import ~/Downloads/Clockify_Time_Report_Detailed.csv --stream love',
      'disco import report.csv --stream livelihood --user "Ana P." --date-format DD/MM/YYYY'
    ])
}
