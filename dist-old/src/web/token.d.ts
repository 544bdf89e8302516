/**
 * The dashboard's login token: 32 random bytes, URL-safe. Whoever has it can read and write
 * through the dashboard, so it is printed once, in the URL the member opens, and nowhere else.
 */
export declare function newToken(): string;
/** Constant time in the content of both: hashing first makes the lengths equal, so a wrong
 * token's length tells an attacker nothing either. */
export declare function tokenMatches(given: string | undefined | null, expected: string): boolean;
