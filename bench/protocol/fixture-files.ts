/**
 * Where the protocol fixtures live (test/fixtures/protocol/) and how their JSON holds bytes:
 * a byte string is `{ "$hex": "…" }`, so that an op reads back as the value the codec takes.
 */
import fs from 'node:fs/promises'
import fsSync from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import b4a from 'b4a'

/** The repository's root: the first folder up from this file with a package.json (this file runs
 * from bench/ under tap, and from dist/bench/ as the script). */
function repoRoot (): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fsSync.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error('no package.json above ' + fileURLToPath(import.meta.url))
    dir = up
  }
  return dir
}

/** test/fixtures/: every fixture's folder */
export const FIXTURE_ROOT = path.join(repoRoot(), 'test', 'fixtures')
export const FIXTURE_DIR = path.join(FIXTURE_ROOT, 'protocol')

/** A value with every byte string as `{ $hex }`, and no undefined fields: what the fixtures hold. */
export function toPlain (value: unknown): unknown {
  if (value instanceof Uint8Array) return { $hex: b4a.toString(value, 'hex') }
  if (Array.isArray(value)) return value.map(toPlain)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v)
    return out
  }
  return value
}

/** The value a fixture's JSON stands for: `{ $hex }` back to bytes. */
export function fromPlain<T> (value: unknown): T {
  if (Array.isArray(value)) return value.map(v => fromPlain(v)) as T
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.$hex === 'string' && Object.keys(o).length === 1) return b4a.from(o.$hex, 'hex') as T
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromPlain(v)])) as T
  }
  return value as T
}

export async function readFixture<T> (name: string): Promise<T> {
  return JSON.parse(await fs.readFile(path.join(FIXTURE_DIR, name), 'utf8')) as T
}

export async function writeFixture (name: string, value: unknown): Promise<void> {
  await fs.mkdir(FIXTURE_DIR, { recursive: true })
  await fs.writeFile(path.join(FIXTURE_DIR, name), JSON.stringify(value, null, 1) + '\n')
}
