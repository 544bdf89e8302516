import { DiscoError } from '../../src/errors.js';
/**
 * How the CLI prints: tables and lines for people, `--json` for scripts, errors as one line on
 * stderr (or a JSON object on stdout with --json) and the exit code: 2 for bad input, 1 otherwise.
 */
export function printJson(value) {
    process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
export function printLines(lines) {
    process.stdout.write(lines.map(l => l + '\n').join(''));
}
export function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    return [line(header), ...rows.map(line)];
}
export function truncate(text, max) {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}
export function exitCodeOf(err) {
    return err instanceof DiscoError && err.kind === 'input' ? 2 : 1;
}
export function printError(err, json) {
    const body = err instanceof DiscoError
        ? err.toJSON()
        : { code: 'INTERNAL', message: String(err?.stack ?? err) };
    if (json) {
        process.stdout.write(JSON.stringify({ error: body }, null, 2) + '\n');
        return;
    }
    process.stderr.write(`disco: ${body.message}\n`);
    if (err instanceof DiscoError && err.rows !== undefined) {
        for (const row of err.rows)
            process.stderr.write(`  line ${String(row.line ?? '?')}: ${row.message}\n`);
    }
}
//# sourceMappingURL=output.js.map