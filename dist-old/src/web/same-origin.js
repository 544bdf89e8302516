/** Methods that only read: anything else may change the ledger. */
const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Why a state-changing request must be refused as coming from another site, or null to let it
 * through. The login cookie is SameSite=Strict and the API takes only JSON, but a page on another
 * site — or on another port of this machine, which browsers count as the same site — must not be
 * able to make a member's browser vote or log: a browser says where a request comes from
 * (`Sec-Fetch-Site`, `Origin`), and both must say "this dashboard". A client that sends neither
 * (curl, a script with the token) is no browser a page could steer, and is let through.
 */
export function crossSiteReason(req) {
    if (READ_ONLY.has(req.method ?? 'GET'))
        return null;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return `a request from another site (Sec-Fetch-Site: ${String(site).slice(0, 20)}) may not change anything here`;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
        let host = null;
        try {
            host = new URL(origin).host;
        }
        catch { } // "null" (a sandboxed page, a file) or garbage: not this dashboard
        if (host === null || host === '' || host !== req.headers.host) {
            return `a request from another origin (${origin.slice(0, 100)}) may not change anything here`;
        }
    }
    return null;
}
//# sourceMappingURL=same-origin.js.map