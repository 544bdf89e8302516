import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
/**
 * The dashboard's login token: 32 random bytes, URL-safe. Whoever has it can read and write
 * through the dashboard, so it is printed once, in the URL the member opens, and nowhere else.
 */
export function newToken() {
    return randomBytes(32).toString('base64url');
}
const digest = (text) => createHash('sha256').update(text, 'utf8').digest();
/** Constant time in the content of both: hashing first makes the lengths equal, so a wrong
 * token's length tells an attacker nothing either. */
export function tokenMatches(given, expected) {
    if (typeof given !== 'string' || given === '')
        return false;
    return timingSafeEqual(digest(given), digest(expected));
}
//# sourceMappingURL=token.js.map