import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PageModules } from './page-modules.js'

/**
 * The page's files: `web/` at the package root (shipped in the package, found from src/ when the
 * tests run the TypeScript and from dist/src/ when the built CLI runs), and the charting library
 * from node_modules, so that the page needs no CDN and works offline. The page's own script is ES
 * modules compiled by the build (src/web/page-modules.ts).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon'
}

export interface StaticFile { body: Buffer, type: string }

/** The folder holding web/index.html, looked for upwards from this file. */
export function webRoot (): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'web')
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate
    dir = path.dirname(dir)
  }
  throw new Error('the dashboard\'s files (web/index.html) are missing from this installation')
}

/** Vendored assets served under /vendor/: name → absolute path in node_modules. */
function vendorFiles (): Record<string, string> {
  const require = createRequire(import.meta.url)
  const chartDist = path.dirname(require.resolve('chart.js'))
  return { 'chart.umd.min.js': path.join(chartDist, 'chart.umd.min.js') }
}

export class StaticFiles {
  private readonly root: string
  private readonly vendor: Record<string, string>
  private readonly cache = new Map<string, StaticFile>()
  private readonly modules: PageModules

  constructor (root = webRoot()) {
    this.root = root
    this.vendor = vendorFiles()
    this.modules = new PageModules(path.join(path.dirname(root), 'dist'))
  }

  /** The file for a URL path, or null: only files directly in the folder (no `..`, no subfolders). */
  async get (urlPath: string): Promise<StaticFile | null> {
    const cached = this.cache.get(urlPath)
    if (cached !== undefined) return cached
    let file: string | undefined
    if (urlPath === '/') file = path.join(this.root, 'index.html')
    else if (urlPath.startsWith('/vendor/')) {
      // own names only: "__proto__" or "constructor" must not reach Object.prototype
      const name = urlPath.slice('/vendor/'.length)
      if (Object.hasOwn(this.vendor, name)) file = this.vendor[name]
    }
    else if (urlPath.startsWith('/js/')) file = await this.modules.get(urlPath)
    else if (/^\/[a-z0-9-]+\.(?:html|css|png|svg|ico)$/.test(urlPath)) file = path.join(this.root, urlPath.slice(1))
    if (file === undefined) return null
    const type = TYPES[path.extname(file)]
    if (type === undefined) return null
    try {
      const got = { body: await readFile(file), type }
      this.cache.set(urlPath, got)
      return got
    } catch {
      return null
    }
  }
}
