/**
 * The page's languages: message catalogues (messages-en.ts, messages-es.ts) in ICU MessageFormat,
 * formatted by intl-messageformat (plurals and numbers by the locale's rules, never glued text).
 * The language is the browser's first one the page has, until the member picks another with the
 * switch on the page (kept in localStorage). Errors from the node come as code and params and are
 * said in the page's language from the error catalogues (src/error-messages*.ts).
 */
import { IntlMessageFormat } from '../vendor/intl-messageformat.js'
import { EN } from './messages-en.js'
import type { MessageKey, Messages } from './messages-en.js'
import { ES } from './messages-es.js'
import { pickLocale } from './locale.js'
import type { Locale } from './locale.js'

export { LOCALES, pickLocale } from './locale.js'
export type { Locale } from './locale.js'

export const CATALOGUES: Record<Locale, Messages> = { en: EN, es: ES }

let current: Locale = 'en'
const compiled = new Map<string, IntlMessageFormat>()

export function locale (): Locale { return current }

export function setLocale (next: Locale): void {
  current = next
  compiled.clear()
}

/** The locale the page starts in: the member's pick, else the browser's languages. */
export function startLocale (): Locale {
  let stored: string | null = null
  try { stored = localStorage.getItem('disco.lang') } catch {}
  return pickLocale(stored, navigator.languages)
}

export function rememberLocale (next: Locale): void {
  try { localStorage.setItem('disco.lang', next) } catch {}
}

export type Values = Record<string, string | number>

/** A message in the page's language. */
export function t (key: MessageKey, values: Values = {}): string {
  let format = compiled.get(key)
  if (format === undefined) {
    format = new IntlMessageFormat(CATALOGUES[current][key], current)
    compiled.set(key, format)
  }
  return String(format.format(values))
}
