import path from 'node:path';
import { collect, examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
/** "Clockify detailed report (semicolon-separated, DD/MM/YYYY dates, decimal comma, durations from …)" */
export function layoutText(l) {
    const parts = [`${DELIMITER_NAMES[l.delimiter] ?? l.delimiter}-separated`];
    if (l.dates !== undefined)
        parts.push(`${l.dates} dates`);
    if (l.decimalMark !== undefined)
        parts.push(l.decimalMark === ',' ? 'decimal comma' : 'decimal point');
    return `${l.tool} ${l.report} (${[...parts, ...l.notes].join(', ')})`;
}
const plural = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
export function register(program) {
    examples(program.command('import')
        .description('import your hours from a Clockify, Toggl Track or Harvest detailed report (CSV); all or nothing, and a re-run adds nothing')
        .argument('<file>', 'the exported CSV file')
        .requiredOption('--stream <stream>', 'the stream the rows go in: livelihood, love or care')
        .option('--user <name-or-email>', 'the name or email the file gives you (repeat for more; default: your member name); other people\'s rows are left for them', collect)
        .option('--date-format <format>', 'YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY, whatever the separator (default: detected when unambiguous)')
        .option('--skip-bad', 'import the good rows of a file that has bad ones (each bad row is still reported)')
        .action(async (file, o, c) => {
        // absolute: a running node reads the file, and it runs in another folder than this shell
        const out = await runCommand(c, 'import', {
            file: path.resolve(file),
            stream: o.stream,
            ...(o.user !== undefined ? { users: o.user } : {}),
            ...(o.dateFormat !== undefined ? { dateFormat: o.dateFormat } : {}),
            skipBad: o.skipBad === true
        }, {
            onProgress: p => {
                const { done, total } = p;
                process.stderr.write(`imported ${done}/${total} rows\n`);
            }
        });
        if (globals(c).json === true)
            return printJson(out);
        const lines = [`read as a ${layoutText(out.layout)}`];
        lines.push(`${plural(out.imported, 'row')} imported, ${out.alreadyImported} already in the ledger, ${plural(out.skipped.length, 'bad row')} skipped`);
        if (out.notYours > 0) {
            const names = out.others.slice(0, 5).join(', ') + (out.others.length > 5 ? ', …' : '');
            lines.push(`${plural(out.notYours, 'row')} by other people (${names}) left for them to import`);
        }
        for (const bad of out.skipped)
            lines.push(`  skipped line ${String(bad.line ?? '?')}: ${bad.message}`);
        printLines(lines);
    }), [
        'disco import ~/Downloads/Clockify_Time_Report_Detailed.csv --stream love',
        'disco import ~/Downloads/Toggl_Track_detailed_report.csv --stream livelihood --user ana@example.org',
        'disco import ~/Downloads/harvest_time_report.csv --stream care --date-format DD/MM/YYYY'
    ]);
}
//# sourceMappingURL=import.js.map