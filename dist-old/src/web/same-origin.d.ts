import type { IncomingMessage } from 'node:http';
/**
 * Why a state-changing request must be refused as coming from another site, or null to let it
 * through. The login cookie is SameSite=Strict and the API takes only JSON, but a page on another
 * site — or on another port of this machine, which browsers count as the same site — must not be
 * able to make a member's browser vote or log: a browser says where a request comes from
 * (`Sec-Fetch-Site`, `Origin`), and both must say "this dashboard". A client that sends neither
 * (curl, a script with the token) is no browser a page could steer, and is let through.
 */
export declare function crossSiteReason(req: IncomingMessage): string | null;
