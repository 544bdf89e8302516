import type { Stream } from '../ledger/streams.js';
/**
 * The accounts of the books, as logical values: the renderers name them, so every format names an
 * account the same way and totals compare by name across formats.
 */
export type Account = {
    kind: 'bank';
} | {
    kind: 'income';
    client: string;
} | {
    kind: 'distribution';
    stream: Stream;
}
/** `name` is for reading only (a comment in the books): the account is the member's, whatever they are called */
 | {
    kind: 'payable';
    member: string;
    name: string;
}
/** a member's work in a stream, on a project ('' for none: the stream's account itself) */
 | {
    kind: 'work';
    member: string;
    name: string;
    stream: Stream;
    project: string;
}
/** the other side of the work: what the members contributed, per stream */
 | {
    kind: 'contributed';
    stream: Stream;
};
/**
 * What beancount 2 accepts (and hledger reads as is): one of the five roots, then components that
 * start with an upper-case letter or a digit and hold only ASCII letters, digits and '-'.
 */
export declare const ACCOUNT_NAME: RegExp;
/** Which account this is: two postings to equal keys go to the same account. */
export declare function accountKey(account: Account): string;
/** The member an account belongs to, if any: its name is the member's display name. */
export declare function memberOf(account: Account): {
    member: string;
    name: string;
} | null;
/**
 * An account's name: the short form (8 hex of an id or hash), or the full form (all 64) that
 * `accountNamer` falls back to when two short forms meet. `fullMember`: this member shares its
 * first 8 hex with another member of the books.
 */
export declare function accountName(account: Account, full?: boolean, fullMember?: boolean): string;
/**
 * Names for a set of accounts, with no two accounts under one name. Short forms collide only when
 * 32 bits of an id or hash do (by chance or by someone grinding keys or names). Members are decided
 * first, once for all their accounts: two members whose ids share their first 8 hex are both named
 * by their whole ids. Then client and project hashes: the accounts whose short names still meet get
 * the full form, which differs from every short form in the length of its hash and from every
 * other full form in the hash itself, so one pass is enough. Stable: an account's name changes only
 * if another account ever collides with it, and never with a member's display name.
 */
export declare function accountNamer(accounts: Iterable<Account>): (account: Account) => string;
/** The display names of the member accounts, by account name: the comments the renderers write. */
export declare function memberNames(accounts: Iterable<Account>, nameOf: (account: Account) => string): Map<string, string>;
