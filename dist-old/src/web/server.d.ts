import type { AddressInfo } from 'node:net';
import type { DiscoNode } from '../node.js';
export interface DashboardOptions {
    /** default 127.0.0.1: only this machine; 0.0.0.0 to reach it from a phone on the LAN */
    host?: string;
    /** default 8370; 0 picks a free port */
    port?: number;
    /** default: a fresh random token */
    token?: string;
}
export declare const DEFAULT_PORT = 8370;
/**
 * `disco serve`: the member's dashboard, a web page and a JSON API over the node's command
 * handlers. Every request needs the login token — in the URL once (`/?token=…`, answered with an
 * HttpOnly, SameSite=Strict cookie and a redirect that drops it from the address bar), or as
 * `Authorization: Bearer …` for scripts; without it the answer is 401 and nothing else. A request
 * that would change something and that a browser says comes from another site or origin is refused
 * with 403 (src/web/same-origin.ts).
 */
export declare class DashboardServer {
    private readonly node;
    readonly token: string;
    private readonly server;
    private readonly files;
    private readonly live;
    private readonly host;
    private readonly port;
    private cookieName;
    /** the commands under way, which close() lets finish */
    private readonly running;
    constructor(node: DiscoNode, opts?: DashboardOptions);
    listen(): Promise<void>;
    get address(): AddressInfo;
    /** The URLs to open, with the token: this one, or each of the machine's addresses for 0.0.0.0. */
    urls(): string[];
    /** Stop taking requests, let the commands under way finish (a log being appended), then close. */
    close(): Promise<void>;
    private authorised;
    private handle;
    private api;
}
