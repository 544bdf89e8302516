import type { CommandName } from '../service/handlers.js';
/**
 * The dashboard's JSON API: each route is one command of the dispatch table (src/service/handlers.ts),
 * so the web is one more transport to the handlers the CLI and the control socket call. GET routes
 * read their input from the query string (only the fields listed; flags are "1"/"true"), POST routes
 * take the command's input as a JSON object in the body, as `disco <command> --json` would send it.
 */
type Field = 'string' | 'flag' | 'number';
export interface Route {
    method: 'GET' | 'POST';
    command: CommandName;
    /** GET: the query parameters the command takes */
    query?: Record<string, Field>;
}
export declare const ROUTES: Record<string, Route>;
/** The command's input from a query string: empty values are absent, as an option not given. */
export declare function queryInput(params: URLSearchParams, fields: Record<string, Field>): Record<string, unknown>;
export {};
