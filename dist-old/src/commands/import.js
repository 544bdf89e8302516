import fs from 'node:fs/promises';
import { idempotencyKeysWithPrefix } from '../consensus/queries.js';
import { DiscoError } from '../errors.js';
import { DATE_FORMATS, parseImportFile } from '../ledger/import/index.js';
import { canLogValue } from '../ledger/roles.js';
import { parseStream } from '../ledger/streams.js';
import { localMember } from './session.js';
/** ops per append: a progress step (each becomes one or two packed blocks) */
const CHUNK = 1000;
/**
 * Import hours from a time tracker's export (src/ledger/import: Clockify, Toggl Track, Harvest),
 * all or nothing: a file with a bad row imports nothing unless
 * `skipBad`. Each row carries an idempotency key made from its content, so a re-run adds nothing.
 */
export async function importFile(node, input) {
    const stream = parseStream(input.stream);
    if (input.dateFormat !== undefined && !DATE_FORMATS.includes(input.dateFormat)) {
        throw DiscoError.invalidArgument(`--date-format must be one of ${DATE_FORMATS.join(', ')}`);
    }
    const me = await localMember(node);
    if (!canLogValue(me.role))
        throw DiscoError.notAllowed(me.role, 'log-value');
    let text;
    try {
        text = await fs.readFile(input.file, 'utf8');
    }
    catch (err) {
        throw DiscoError.fileUnreadable(input.file, err.code ?? err.message);
    }
    const users = input.users !== undefined && input.users.length > 0 ? input.users : [me.name];
    const parsed = parseImportFile(text, {
        stream,
        users,
        ...(input.dateFormat !== undefined ? { dateFormat: input.dateFormat } : {})
    });
    if (parsed.bad.length > 0 && input.skipBad !== true)
        throw DiscoError.badRows(parsed.bad);
    if (parsed.rows.length === 0 && parsed.bad.length === 0 && parsed.notYours > 0)
        throw noRowsOfYours(parsed.notYours, parsed.others, users);
    const snap = node.snapshot();
    let done;
    try {
        done = await idempotencyKeysWithPrefix(snap, me.id, parsed.keyPrefix);
    }
    finally {
        await snap.close();
    }
    const fresh = parsed.rows.map(r => r.op).filter(op => !done.has(op.key));
    for (let i = 0; i < fresh.length; i += CHUNK) {
        await node.append(fresh.slice(i, i + CHUNK));
        input.onProgress?.(Math.min(i + CHUNK, fresh.length), fresh.length);
    }
    return {
        file: input.file,
        layout: parsed.layout,
        rows: parsed.rows.length + parsed.bad.length + parsed.notYours,
        imported: fresh.length,
        alreadyImported: parsed.rows.length - fresh.length,
        notYours: parsed.notYours,
        others: parsed.others,
        skipped: parsed.bad.map(e => e.toJSON())
    };
}
/** A file with rows, none of them this member's: most likely the file names them otherwise. */
function noRowsOfYours(count, others, users) {
    const shown = others.slice(0, 5).map(o => `"${o}"`).join(', ') + (others.length > 5 ? `, and ${others.length - 5} more` : '');
    return new DiscoError('NO_ROWS_OF_YOURS', `none of the ${count} row${count === 1 ? '' : 's'} is by ${users.map(u => `"${u}"`).join(' or ')}: ` +
        `the file has rows by ${shown}. Pass --user with your name or email as the file writes it`);
}
//# sourceMappingURL=import.js.map