import { createHash } from 'node:crypto'
import type { Stream } from '../ledger/streams.js'

/**
 * The accounts of the books, as logical values: the renderers name them, so every format names an
 * account the same way and totals compare by name across formats.
 */
export type Account =
  | { kind: 'bank' }
  | { kind: 'income', client: string }
  | { kind: 'distribution', stream: Stream }
  /** `name` is for reading only (a comment in the books): the account is the member's, whatever they are called */
  | { kind: 'payable', member: string, name: string }
  /** a member's work in a stream, on a project ('' for none: the stream's account itself) */
  | { kind: 'work', member: string, name: string, stream: Stream, project: string }
  /** the other side of the work: what the members contributed, per stream */
  | { kind: 'contributed', stream: Stream }

/**
 * What beancount 2 accepts (and hledger reads as is): one of the five roots, then components that
 * start with an upper-case letter or a digit and hold only ASCII letters, digits and '-'.
 */
export const ACCOUNT_NAME = /^(Assets|Liabilities|Equity|Income|Expenses)(:[A-Z0-9][A-Za-z0-9-]*)+$/

/** Readable part of a name: long names are cut here (the id or hash keeps them apart). */
const MAX_SLUG = 40

/** Which account this is: two postings to equal keys go to the same account. */
export function accountKey (account: Account): string {
  switch (account.kind) {
    case 'bank': return 'bank'
    case 'income': return `income:${account.client}`
    case 'distribution': return `distribution:${account.stream}`
    case 'payable': return `payable:${account.member}`
    case 'work': return `work:${account.member}:${account.stream}:${account.project}`
    case 'contributed': return `contributed:${account.stream}`
  }
}

/** The member an account belongs to, if any: its name is the member's display name. */
export function memberOf (account: Account): { member: string, name: string } | null {
  return account.kind === 'payable' || account.kind === 'work' ? { member: account.member, name: account.name } : null
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * An ASCII slug: accents dropped (NFKD, marks removed), every run of anything else but ASCII letters
 * and digits made one '-', first letter capitalised. Never holds "--", never starts or ends with '-'.
 */
function slug (text: string): string {
  const ascii = text.normalize('NFKD').replace(/\p{M}/gu, '')
  const s = ascii.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+/, '').slice(0, MAX_SLUG).replace(/-+$/, '')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/**
 * A name the slug keeps whole: ASCII words, single spaces, a capital or digit first. Those map
 * one-to-one to their slugs ("Acme Corp" ↔ Acme-Corp), so they need no hash.
 */
const PLAIN_NAME = /^[A-Z0-9][A-Za-z0-9]*( [A-Za-z0-9]+)*$/

/**
 * Every other client or project name loses something in its slug (case, punctuation, non-ASCII
 * letters, all of it when empty), so a hash of the exact text follows, after "--": a plain name
 * never holds "--", so a hashed name can never equal a plain one.
 */
function textComponent (text: string, fallback: string, full: boolean): string {
  if (text.length <= MAX_SLUG && PLAIN_NAME.test(text)) return text.replaceAll(' ', '-')
  const hash = sha256(text)
  return `${slug(text) || fallback}--${full ? hash : hash.slice(0, 8)}`
}

/**
 * A member's accounts are named by the member id alone, never by the display name, so that a
 * rename (disco profile --name) leaves every account as it was; the name is written beside the
 * account as a comment (hledger) or metadata (beancount). Member ids are 64-hex device keys; the
 * first 8 hex name the member unless another member of the books shares them. An id of any other
 * shape (not from a real ledger) is hashed so the part after "Member-" is hex.
 */
function memberComponent (member: string, full: boolean): string {
  const id = /^[0-9a-f]{64}$/.test(member) ? member : sha256(member)
  return `Member-${full ? id : id.slice(0, 8)}`
}

const STREAM_NAMES: Record<Stream, string> = { livelihood: 'Livelihood', love: 'Love', care: 'Care' }

/**
 * An account's name: the short form (8 hex of an id or hash), or the full form (all 64) that
 * `accountNamer` falls back to when two short forms meet. `fullMember`: this member shares its
 * first 8 hex with another member of the books.
 */
export function accountName (account: Account, full = false, fullMember = full): string {
  switch (account.kind) {
    case 'bank': return 'Assets:Bank'
    case 'income': return `Income:Clients:${textComponent(account.client, 'Client', full)}`
    case 'distribution': return `Expenses:Distribution:${STREAM_NAMES[account.stream]}`
    case 'payable': return `Liabilities:Payable:${memberComponent(account.member, fullMember)}`
    case 'work': {
      const stream = `Assets:Work:${memberComponent(account.member, fullMember)}:${STREAM_NAMES[account.stream]}`
      return account.project === '' ? stream : `${stream}:${textComponent(account.project, 'Project', full)}`
    }
    case 'contributed': return `Equity:Work:${STREAM_NAMES[account.stream]}`
  }
}

const memberHex = (member: string): string => /^[0-9a-f]{64}$/.test(member) ? member : sha256(member)

/**
 * Names for a set of accounts, with no two accounts under one name. Short forms collide only when
 * 32 bits of an id or hash do (by chance or by someone grinding keys or names). Members are decided
 * first, once for all their accounts: two members whose ids share their first 8 hex are both named
 * by their whole ids. Then client and project hashes: the accounts whose short names still meet get
 * the full form, which differs from every short form in the length of its hash and from every
 * other full form in the hash itself, so one pass is enough. Stable: an account's name changes only
 * if another account ever collides with it, and never with a member's display name.
 */
export function accountNamer (accounts: Iterable<Account>): (account: Account) => string {
  const first = new Map<string, Account>()
  for (const a of accounts) if (!first.has(accountKey(a))) first.set(accountKey(a), a)

  const membersByPrefix = new Map<string, Set<string>>()
  for (const a of first.values()) {
    const m = memberOf(a)
    if (m === null) continue
    const prefix = memberHex(m.member).slice(0, 8)
    membersByPrefix.set(prefix, (membersByPrefix.get(prefix) ?? new Set()).add(m.member))
  }
  const fullMember = (a: Account): boolean => {
    const m = memberOf(a)
    return m !== null && (membersByPrefix.get(memberHex(m.member).slice(0, 8))?.size ?? 0) > 1
  }

  const keysByShort = new Map<string, string[]>()
  for (const [key, a] of first) {
    const name = accountName(a, false, fullMember(a))
    keysByShort.set(name, [...(keysByShort.get(name) ?? []), key])
  }
  const names = new Map<string, string>()
  for (const [name, keys] of keysByShort) {
    for (const key of keys) {
      const a = first.get(key) as Account
      names.set(key, keys.length === 1 ? name : accountName(a, true, fullMember(a)))
    }
  }
  if (new Set(names.values()).size !== names.size) throw new Error('books: two accounts got the same name (a bug)')
  return account => {
    const name = names.get(accountKey(account))
    if (name === undefined) throw new Error(`books: account ${accountKey(account)} was not named (a bug)`)
    return name
  }
}
