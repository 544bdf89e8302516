import { DiscoError } from '../../errors.js';
/** A header's column names, found case- and space-insensitively. */
export class Header {
    raw;
    names;
    constructor(raw) {
        this.raw = raw;
        this.names = raw.map(h => h.trim().toLowerCase().replace(/\s+/g, ' '));
    }
    get length() { return this.names.length; }
    has(...names) {
        return names.every(n => this.names.includes(n.toLowerCase()));
    }
    /** The first column whose lower-cased name matches. */
    find(test) {
        return this.names.findIndex(test);
    }
    /** A reader of the named column (the first of the names present), or null. */
    column(...names) {
        for (const name of names) {
            const i = this.names.indexOf(name.toLowerCase());
            if (i !== -1)
                return cellAt(i);
        }
        return null;
    }
    /** Like column, but a missing column makes the file not the source's report. */
    need(source, report, ...names) {
        const cell = this.column(...names);
        if (cell === null) {
            throw new DiscoError('BAD_FILE', `not a ${source} ${report}: no ${names.map(n => `"${n}"`).join(' or ')} column`);
        }
        return cell;
    }
    /** A column that may be absent: absent reads as ''. */
    optional(...names) {
        return this.column(...names) ?? (() => '');
    }
}
export const cellAt = (i) => cells => (cells[i] ?? '').trim();
/** "Fix login" and task "Backend" → "Fix login — Backend"; either may be empty. */
export function withTask(description, task) {
    return [description, task].filter(s => s !== '').join(' — ');
}
/** A summary report: refused whole, with what to export instead. */
export function summaryReport(tool, instead) {
    return new DiscoError('SUMMARY_REPORT', `this is a ${tool} summary report: it holds totals, not time entries, so there is nothing to import. ${instead}`);
}
//# sourceMappingURL=source.js.map