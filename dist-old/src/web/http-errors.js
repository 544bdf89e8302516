import { DiscoError } from '../errors.js';
/** Codes that say "this clashes with what the ledger already holds" rather than "bad input". */
const CONFLICTS = new Set([
    'ALREADY_FOUNDED', 'ALREADY_ENDORSED', 'ALREADY_PAID', 'ALREADY_INITIALISED', 'DUPLICATE_KEY',
    'PROPOSAL_DECIDED', 'MONTH_DISTRIBUTED', 'ENTRY_RETRACTED', 'STORE_BUSY', 'STOPPING', 'WRITER_EXISTS'
]);
/**
 * The HTTP status of a handler's error: its DiscoError code and message are the body unchanged,
 * so the page shows exactly what the CLI prints.
 */
export function httpError(err) {
    if (err instanceof DiscoError) {
        const status = err.code.endsWith('_NOT_FOUND') ? 404
            : CONFLICTS.has(err.code) ? 409
                : err.code === 'NOT_ALLOWED' ? 403
                    : err.kind === 'input' ? 400 : 500;
        return { status, body: { error: err.toJSON() } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { status: 500, body: { error: { code: 'INTERNAL', message } } };
}
//# sourceMappingURL=http-errors.js.map