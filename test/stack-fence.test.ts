/**
 * The fence around the stack (docs/stack.md): the internals of hypercore, autobase, hyperbee,
 * corestore and the network packages are reached from src/stack only, and the ledger's pure domain
 * (src/ledger) imports nothing of the stack at all. A grep, kept as a test so that it stays true.
 */
import t from 'tap'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const STACK_DIR = path.join(SRC, 'stack')
const LEDGER_DIR = path.join(SRC, 'ledger')

/** The stack's packages (docs/stack.md). b4a, compact-encoding, sodium-native and
 * hypercore-crypto are plain utilities: encodings and crypto, no state of the stack. */
const STACK = ['hypercore', 'hypercore-storage', 'autobase', 'hyperbee', 'corestore', 'hyperswarm', 'hyperdht', 'dht-rpc', 'protomux', 'blind-pairing', 'blind-pairing-core', '@hyperswarm/secret-stream']
/** What src/ledger may import besides its own files and src/errors.ts. */
const LEDGER_MAY_IMPORT = ['b4a', 'compact-encoding', 'sodium-native', 'hypercore-crypto', 'csv-parse/sync']

function sources (dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : []
  })
}

const rel = (file: string): string => path.relative(SRC, file)
const inStack = (file: string): boolean => file.startsWith(STACK_DIR + path.sep)

/** Every module a file names: static and dynamic imports, re-exports, and ambient declarations. */
function specifiers (text: string): string[] {
  const out: string[] = []
  for (const re of [/\bfrom\s+'([^']+)'/g, /\bimport\s*\(\s*'([^']+)'\s*\)/g, /^\s*import\s+'([^']+)'/gm, /\bdeclare\s+module\s+'([^']+)'/g, /\bimport\s*\(\s*'([^']+)'\s*\)\s*\./g]) {
    for (const m of text.matchAll(re)) out.push(m[1] as string)
  }
  return out
}

/** A package of the stack named with a path inside it: `hypercore/lib/verifier.js`, `hyperdht/testnet.js`. */
function deepStackImport (spec: string): boolean {
  return STACK.some(pkg => spec.startsWith(pkg + '/'))
}

/** What reaching into an object's internals looks like in this code base. */
const INTERNALS: Array<{ what: string, re: RegExp }> = [
  { what: 'an underscore-prefixed member', re: /\._[A-Za-z]/ },
  { what: "hypercore's shared core (`core.core`)", re: /\bcore\.core\b/ },
  { what: "the storage engine's database (`storage.db`)", re: /\bstorage\.db\b/ },
  { what: 'a cast to reach a private field', re: /as unknown as \{\s*(state|core|storage|_[A-Za-z]+)\b/ }
]

/** Each place in these files that uses an internal or deep-imports the stack, as `file:line what`. */
function breaches (files: string[]): string[] {
  const out: string[] = []
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8')
    text.split('\n').forEach((line, i) => {
      for (const { what, re } of INTERNALS) if (re.test(line)) out.push(`${rel(file)}:${i + 1} ${what}: ${line.trim()}`)
    })
    for (const spec of specifiers(text)) if (deepStackImport(spec)) out.push(`${rel(file)} deep-imports ${spec}`)
  }
  return out
}

t.test('the stack\'s internals are used under src/stack only', async t => {
  const all = sources(SRC)
  t.ok(all.length > 50, `${all.length} source files scanned`)
  t.same(breaches(all.filter(f => !inStack(f))), [], 'no underscore member, shared core, storage db or deep import of the stack outside src/stack')
  // the grep finds what it looks for: the fence itself is full of it
  const fenced = breaches(all.filter(inStack))
  t.ok(fenced.some(b => b.includes('underscore')), 'it sees an underscore member (src/stack/bee-caches.ts)')
  t.ok(fenced.some(b => b.includes('hypercore/lib/')), 'it sees a deep import (src/stack/signatures.ts)')
  t.ok(fenced.some(b => b.includes('storage.db') || b.includes("storage engine's database")), 'it sees the storage db (src/stack/storage.ts)')
})

t.test('src/ledger imports nothing of the stack, not even through src/stack', async t => {
  const problems: string[] = []
  for (const file of sources(LEDGER_DIR)) {
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts')
        const ok = target.startsWith(LEDGER_DIR + path.sep) || target === path.join(SRC, 'errors.ts') || target === path.join(SRC, 'error-messages.ts')
        if (!ok) problems.push(`${rel(file)} imports ${spec} (outside src/ledger)`)
      } else if (!spec.startsWith('node:') && !LEDGER_MAY_IMPORT.includes(spec)) {
        problems.push(`${rel(file)} imports ${spec}`)
      }
    }
  }
  t.same(problems, [], `src/ledger imports only itself, src/errors.ts, node: modules and ${LEDGER_MAY_IMPORT.join(', ')}`)
  const errors = specifiers(fs.readFileSync(path.join(SRC, 'errors.ts'), 'utf8'))
  t.same([...new Set(errors)], ['./error-messages.js'], 'and src/errors.ts imports only its catalogue of words')
  t.same(specifiers(fs.readFileSync(path.join(SRC, 'error-messages.ts'), 'utf8')), [], 'which imports nothing')
})

t.test('shipped code runs no testnet', async t => {
  const uses = sources(SRC).flatMap(f => specifiers(fs.readFileSync(f, 'utf8')).filter(s => /testnet/.test(s)).map(s => `${rel(f)}: ${s}`))
  t.same(uses, [], 'the demo builds its own loopback DHT (src/demo/stage.ts)')
})
