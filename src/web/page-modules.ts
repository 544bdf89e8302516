import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The page's ES modules: web/page/*.ts, compiled by the project's build (tsconfig.json) into
 * dist/web/page/, with the ledger's own formatters and parsers (dist/src/ledger/duration.js …)
 * that they import, so that the page and the CLI share one copy of them. Served under /js/ at
 * their place in dist/, so that the compiled relative imports resolve in the browser unchanged.
 *
 * Only the modules the page's entry reaches through its imports are served, found by reading
 * the import statements of the compiled files once: the rest of dist/ (the node, the CLI) is
 * never handed out. The one third-party module, intl-messageformat's one-file ES bundle, is
 * imported as web/vendor/intl-messageformat.js (its types: web/vendor/intl-messageformat.d.ts)
 * and served from node_modules.
 */
export const ENTRY = 'web/page/main.js'
export const ENTRY_URL = '/js/' + ENTRY

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g

function vendorModules (): Record<string, string> {
  const require = createRequire(import.meta.url)
  const imf = path.dirname(require.resolve('intl-messageformat'))
  return { 'web/vendor/intl-messageformat.js': path.join(imf, 'intl-messageformat.iife.js') }
}

export class PageModules {
  private graph: Map<string, string> | null = null

  /** distRoot: the build's output folder (dist/ beside web/) */
  constructor (private readonly distRoot: string) {}

  /** URL path (/js/…) → the file, for every module the entry reaches; built on first use. */
  async files (): Promise<Map<string, string>> {
    if (this.graph !== null) return this.graph
    const vendor = vendorModules()
    const graph = new Map<string, string>()
    const todo = [ENTRY]
    while (todo.length > 0) {
      const rel = todo.pop() as string
      if (graph.has('/js/' + rel)) continue
      const vendored = vendor[rel]
      if (vendored !== undefined) { graph.set('/js/' + rel, vendored); continue }
      const file = path.join(this.distRoot, rel)
      if (!fs.existsSync(file)) {
        throw new Error(`the dashboard's page module ${rel} is missing from ${this.distRoot}: run npm run build`)
      }
      graph.set('/js/' + rel, file)
      const text = await readFile(file, 'utf8')
      for (const m of text.matchAll(IMPORT)) {
        const next = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1] as string))
        if (!next.startsWith('..')) todo.push(next)
      }
    }
    this.graph = graph
    return graph
  }

  /** The file of a module URL, or undefined when the page does not import it. */
  async get (urlPath: string): Promise<string | undefined> {
    if (!urlPath.startsWith('/js/')) return undefined
    return (await this.files()).get(urlPath)
  }
}
