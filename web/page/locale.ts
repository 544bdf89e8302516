/** The page's languages, and which one a browser gets (pure: the unit tests call it). */
export const LOCALES = ['en', 'es'] as const
export type Locale = typeof LOCALES[number]

const isLocale = (x: string): x is Locale => (LOCALES as readonly string[]).includes(x)

/** The member's own pick if it is one the page has, else the first of the browser's languages
 * the page has ("es-AR" → es), else English. */
export function pickLocale (stored: string | null, languages: readonly string[]): Locale {
  if (stored !== null && isLocale(stored)) return stored
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0] ?? ''
    if (isLocale(base)) return base
  }
  return 'en'
}
