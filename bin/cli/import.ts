import type { Command } from 'commander'
import { collect, examples } from './options.js'
import { printJson, printLines } from './output.js'
import { withStorageNode } from './node-action.js'
import type { DateFormat } from '../../src/ledger/import/clockify.js'

export function register (program: Command): void {
  examples(program.command('import')
    .description('import hours from a Clockify "detailed report" CSV; all or nothing, and a re-run adds nothing')
    .argument('<file>', 'the exported CSV file')
    .requiredOption('--stream <stream>', 'the stream the rows go in: livelihood, love or care')
    .option('--user <name>', 'the name in the file\'s User column that is you (repeat for more; default: your member name)', collect)
    .option('--date-format <format>', 'YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY (default: detected when unambiguous)')
    .option('--skip-bad', 'import the good rows of a file that has bad ones (each bad row is still reported)')
    .action(async (file: string, o: { stream: string, user?: string[], dateFormat?: string, skipBad?: boolean }, c: Command) => {
      await withStorageNode(c, async (node, g) => {
        const { importFile } = await import('../../src/commands/import.js')
        const out = await importFile(node, {
          file,
          stream: o.stream,
          ...(o.user !== undefined ? { users: o.user } : {}),
          ...(o.dateFormat !== undefined ? { dateFormat: o.dateFormat as DateFormat } : {}),
          skipBad: o.skipBad === true,
          onProgress: (done, total) => { process.stderr.write(`imported ${done}/${total} rows\n`) }
        })
        if (g.json === true) return printJson(out)
        const lines = [`${out.imported} row${out.imported === 1 ? '' : 's'} imported, ${out.alreadyImported} already in the ledger, ${out.skipped.length} bad row${out.skipped.length === 1 ? '' : 's'} skipped`]
        for (const bad of out.skipped) lines.push(`  skipped line ${String(bad.line ?? '?')}: ${bad.message}`)
        printLines(lines)
      })
    }), [
      'disco import ~/Downloads/Clockify_Time_Report_Detailed.csv --stream love',
      'disco import report.csv --stream livelihood --user "Ana P." --date-format DD/MM/YYYY'
    ])
}
