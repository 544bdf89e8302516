import { DiscoError } from '../errors.js';
/** The longest line either side accepts (an entries listing of a large ledger fits easily). */
export const MAX_LINE = 64 * 1024 * 1024;
export function errorToWire(err) {
    if (err instanceof DiscoError) {
        const out = { code: err.code, message: err.message, kind: err.kind };
        if (err.line !== undefined)
            out.line = err.line;
        if (err.rows !== undefined)
            out.rows = err.rows.map(errorToWire);
        return out;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    return { code: 'INTERNAL', message: e.message, kind: 'state', ...(e.stack !== undefined ? { stack: e.stack } : {}) };
}
/** The same error on this side: same class, code, message, kind, line and rows — so the CLI prints and exits exactly as it would have locally. */
export function errorFromWire(w) {
    if (w.code === 'INTERNAL') {
        const e = new Error(w.message);
        e.stack = w.stack ?? w.message;
        return e;
    }
    const err = new DiscoError(w.code, w.message, w.kind === 'input' ? 'input' : 'state', w.line);
    if (w.rows !== undefined)
        err.rows = w.rows.map(r => errorFromWire(r));
    return err;
}
/** The longest string id a request may carry (it is echoed in every answer). */
export const MAX_ID_LENGTH = 128;
const ENVELOPE = new Set(['id', 'command', 'input']);
const badRequest = (message) => new DiscoError('BAD_REQUEST', message, 'input');
/**
 * One request line, checked: JSON, an object, an id (a number, or text of at most MAX_ID_LENGTH), a
 * command name (text) and nothing else beside `input`. A line that fails is a BAD_REQUEST answered
 * with the request's id when it had a usable one. The input's own shape is the command's, checked
 * by `dispatch` for every transport.
 */
export function parseRequest(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return { ok: false, id: null, error: badRequest('a request is one line of JSON: { "id", "command", "input" }') };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, id: null, error: badRequest('a request is a JSON object: { "id", "command", "input" }') };
    }
    const v = value;
    const id = v.id;
    if (!(typeof id === 'number' || (typeof id === 'string' && id.length <= MAX_ID_LENGTH))) {
        return { ok: false, id: null, error: badRequest(`a request needs an "id": a number, or text of at most ${MAX_ID_LENGTH} characters`) };
    }
    if (typeof v.command !== 'string')
        return { ok: false, id, error: badRequest('a request needs a "command": the name of a command, as text') };
    const extra = Object.keys(v).find(k => !ENVELOPE.has(k));
    if (extra !== undefined)
        return { ok: false, id, error: badRequest(`a request has only "id", "command" and "input", not "${extra.slice(0, 40)}"`) };
    return { ok: true, request: v.input === undefined ? { id, command: v.command } : { id, command: v.command, input: v.input } };
}
export function encode(message) {
    return JSON.stringify(message) + '\n';
}
/** Splits a byte stream into lines; a line over MAX_LINE is an error, not an allocation. */
export class LineSplitter {
    onLine;
    onOverflow;
    buffered = [];
    size = 0;
    constructor(onLine, onOverflow) {
        this.onLine = onLine;
        this.onOverflow = onOverflow;
    }
    push(chunk) {
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(10, start);
            if (nl === -1)
                break;
            const part = chunk.subarray(start, nl);
            const line = this.size === 0 ? part.toString('utf8') : Buffer.concat([...this.buffered, part]).toString('utf8');
            this.buffered = [];
            this.size = 0;
            start = nl + 1;
            if (line.trim() !== '')
                this.onLine(line);
        }
        if (start < chunk.length) {
            this.buffered.push(chunk.subarray(start));
            this.size += chunk.length - start;
            if (this.size > MAX_LINE) {
                this.buffered = [];
                this.size = 0;
                this.onOverflow();
            }
        }
    }
}
//# sourceMappingURL=protocol.js.map