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
  /** `name` is for reading only: the account is the member's, whatever they are called */
  | { kind: 'payable', member: string, name: string }

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
  }
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
 * A client name the slug keeps whole: ASCII words, single spaces, a capital or digit first. Those
 * map one-to-one to their slugs ("Acme Corp" ↔ Acme-Corp), so they need no hash.
 */
const PLAIN_CLIENT = /^[A-Z0-9][A-Za-z0-9]*( [A-Za-z0-9]+)*$/

/**
 * Every other client name loses something in its slug (case, punctuation, non-ASCII letters, all of
 * it when empty), so a hash of the exact text follows, after "--": a plain name never holds "--",
 * so a hashed name can never equal a plain one.
 */
function clientComponent (client: string, full: boolean): string {
  if (client.length <= MAX_SLUG && PLAIN_CLIENT.test(client)) return client.replaceAll(' ', '-')
  const hash = sha256(client)
  return `${slug(client) || 'Client'}--${full ? hash : hash.slice(0, 8)}`
}

/**
 * Member ids are 64-hex device keys; the first 8 hex tell two members of the same name apart. An id
 * of any other shape (not from a real ledger) is hashed so the part after the last '-' is hex.
 */
function memberComponent (member: string, name: string, full: boolean): string {
  const id = /^[0-9a-f]{64}$/.test(member) ? member : sha256(member)
  return `${slug(name) || 'Member'}-${full ? id : id.slice(0, 8)}`
}

const STREAM_NAMES: Record<Stream, string> = { livelihood: 'Livelihood', love: 'Love', care: 'Care' }

/**
 * An account's name: the short form (8 hex of an id or hash), or the full form (all 64) that
 * `accountNamer` falls back to when two short forms meet.
 */
export function accountName (account: Account, full = false): string {
  switch (account.kind) {
    case 'bank': return 'Assets:Bank'
    case 'income': return `Income:Clients:${clientComponent(account.client, full)}`
    case 'distribution': return `Expenses:Distribution:${STREAM_NAMES[account.stream]}`
    case 'payable': return `Liabilities:Payable:${memberComponent(account.member, account.name, full)}`
  }
}

/**
 * Names for a set of accounts, with no two accounts under one name. Short forms collide only when
 * 32 bits of an id or hash do (by chance or by someone grinding keys or client names): the accounts
 * involved then get the full form. A full form differs from every short form in the length of its
 * id or hash part, and from every other full form in the id or hash itself, so one pass is enough.
 * Stable: an account's name changes only if another account ever collides with it.
 */
export function accountNamer (accounts: Iterable<Account>): (account: Account) => string {
  const first = new Map<string, Account>()
  for (const a of accounts) if (!first.has(accountKey(a))) first.set(accountKey(a), a)
  const keysByShort = new Map<string, string[]>()
  for (const [key, a] of first) {
    const name = accountName(a)
    keysByShort.set(name, [...(keysByShort.get(name) ?? []), key])
  }
  const names = new Map<string, string>()
  for (const [name, keys] of keysByShort) {
    for (const key of keys) names.set(key, keys.length === 1 ? name : accountName(first.get(key) as Account, true))
  }
  if (new Set(names.values()).size !== names.size) throw new Error('books: two accounts got the same name (a bug)')
  return account => {
    const name = names.get(accountKey(account))
    if (name === undefined) throw new Error(`books: account ${accountKey(account)} was not named (a bug)`)
    return name
  }
}
