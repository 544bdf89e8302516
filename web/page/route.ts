/** The page's address: `#ledger?month=2026-11&member=…` → the page and its parameters (pure). */
export const PAGES = ['overview', 'ledger', 'member', 'distribution', 'proposals', 'federation', 'log'] as const
export type PageName = typeof PAGES[number]

export interface Route { page: PageName, params: URLSearchParams }

export function parseRoute (hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash
  const q = text.indexOf('?')
  const name = q === -1 ? text : text.slice(0, q)
  const page = (PAGES as readonly string[]).includes(name) ? name as PageName : 'overview'
  return { page, params: new URLSearchParams(q === -1 ? '' : text.slice(q + 1)) }
}

/** The address of a page with parameters (empty ones left out). */
export function routeHref (page: PageName, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v)
  const text = q.toString()
  return `#${page}${text === '' ? '' : '?' + text}`
}
