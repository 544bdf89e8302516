import { DiscoError } from '../errors.js';
import type { ErrorKind } from '../errors.js';
/**
 * The control socket's protocol: newline-delimited JSON over a Unix socket, owner-only.
 *
 *   → { "id": 1, "command": "log", "input": { "stream": "love", "duration": "3h" } }
 *   ← { "id": 1, "progress": { "done": 1000, "total": 5000 } }      (zero or more, for long work)
 *   ← { "id": 1, "result": { … the handler's output … } }
 *   ← { "id": 1, "error": { "code", "message", "kind", "line"?, "rows"? } }
 *
 * `command` names a handler of src/commands (src/service/handlers.ts); `input` is that handler's
 * JSON input. A connection may carry several requests; answers carry the request's id.
 */
export type RequestId = number | string;
export interface ControlRequest {
    id: RequestId;
    command: string;
    input?: unknown;
}
export interface WireError {
    code: string;
    message: string;
    /** 'input' (the CLI exits 2) or 'state' (exits 1) */
    kind: ErrorKind;
    line?: number;
    rows?: WireError[];
    /** for an unexpected (non-DiscoError) failure: where it happened */
    stack?: string;
}
export type ControlResponse = {
    id: RequestId | null;
    progress: unknown;
} | {
    id: RequestId | null;
    result: unknown;
} | {
    id: RequestId | null;
    error: WireError;
};
/** The longest line either side accepts (an entries listing of a large ledger fits easily). */
export declare const MAX_LINE: number;
export declare function errorToWire(err: unknown): WireError;
/** The same error on this side: same class, code, message, kind, line and rows — so the CLI prints and exits exactly as it would have locally. */
export declare function errorFromWire(w: WireError): Error;
/** The longest string id a request may carry (it is echoed in every answer). */
export declare const MAX_ID_LENGTH = 128;
export type ParsedRequest = {
    ok: true;
    request: ControlRequest;
} | {
    ok: false;
    id: RequestId | null;
    error: DiscoError;
};
/**
 * One request line, checked: JSON, an object, an id (a number, or text of at most MAX_ID_LENGTH), a
 * command name (text) and nothing else beside `input`. A line that fails is a BAD_REQUEST answered
 * with the request's id when it had a usable one. The input's own shape is the command's, checked
 * by `dispatch` for every transport.
 */
export declare function parseRequest(line: string): ParsedRequest;
export declare function encode(message: ControlRequest | ControlResponse): string;
/** Splits a byte stream into lines; a line over MAX_LINE is an error, not an allocation. */
export declare class LineSplitter {
    private readonly onLine;
    private readonly onOverflow;
    private buffered;
    private size;
    constructor(onLine: (line: string) => void, onOverflow: () => void);
    push(chunk: Buffer): void;
}
