import type { DiscoErrorJson } from '../errors.js';
/**
 * The HTTP status of a handler's error: its DiscoError code and message are the body unchanged,
 * so the page shows exactly what the CLI prints.
 */
export declare function httpError(err: unknown): {
    status: number;
    body: {
        error: DiscoErrorJson;
    };
};
