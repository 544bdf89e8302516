import { parse } from 'csv-parse/sync';
import { DiscoError } from '../../errors.js';
export const DELIMITERS = [',', ';', '\t'];
export function readCsv(input) {
    // One line ending for the whole file: csv-parse counts a "\r\n" inside a quoted field as two
    // lines (its line numbers drift after one), and a "\r" left in a description would fail
    // validation as a control character.
    const text = input.replace(/\r\n?/g, '\n');
    const delimiter = delimiterOf(text);
    const parsed = parseWith(text, {
        delimiter,
        // a short or long row is reported as a bad row, not a failed file
        relax_column_count: true,
        info: true
    });
    // Each record's first line is the line after the previous record's last one. Blank lines are
    // not skipped by csv-parse (that would break this count): they come through as [''] and are
    // skipped here.
    const records = [];
    let next = 1;
    for (const { record, info } of parsed) {
        const blank = record.length === 1 && record[0].trim() === '';
        if (!blank)
            records.push({ line: next, cells: record });
        next = info.lines + 1;
    }
    const header = records.shift();
    return { delimiter, header: header?.cells ?? [], records };
}
/** The header line parsed with each delimiter (csv-parse's to_line): the one giving most columns. */
function delimiterOf(text) {
    let best = ',';
    let most = 0;
    for (const d of DELIMITERS) {
        let header;
        try {
            header = parseWith(text, { delimiter: d, to_line: 1, relax_column_count: true });
        }
        catch {
            continue; // a quote this delimiter leaves open: not this one
        }
        const n = header[0]?.length ?? 0;
        if (n > most) {
            best = d;
            most = n;
        }
    }
    return best;
}
function parseWith(text, opts) {
    try {
        return parse(text, { bom: true, ...opts });
    }
    catch (err) {
        // A broken quote leaves the rest of the file unreadable: nothing after it can be trusted.
        const e = err;
        throw new DiscoError('BAD_FILE', `not a readable CSV file: ${e.message ?? String(err)}`, 'input', e.lines);
    }
}
//# sourceMappingURL=csv.js.map