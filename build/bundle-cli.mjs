#!/usr/bin/env node
// The `disco` binary as users run it: dist/cli/disco.js, one bundle of the CLI and the JavaScript it
// imports, made by esbuild from tsc's output (dist/bin/disco.js, already type-checked). Why: a
// command that opens the store spends a third of its CPU finding, reading and linking ~350 module
// files (resolution, package.json reads, the CJS export scan of every CommonJS package); one file
// per entry and lazy chunk takes that away (docs/developer.md, "Performance"). Node 20 has no
// compile cache to do it for us.
//
// Packages that load a native addon (a `prebuilds` folder or a binding.gyp: rocksdb-native,
// sodium-native, udx-native, …) stay outside the bundle and load from node_modules as before: they
// find their .node file relative to their own folder. The network modules the node loads lazily
// stay lazy (code splitting: dist/cli/chunks/).
//
// Plain JavaScript, run after tsc by `npm run build` and test/run.mjs.
import { build } from 'esbuild'
import fs from 'node:fs'
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const entry = path.join(root, 'dist', 'bin', 'disco.js')
const fullEntry = path.join(root, 'dist', 'bin', 'cli', 'main.js')
const out = path.join(root, 'dist', 'cli')

/** Every installed package that carries a native addon, by name (scoped ones included). */
function nativePackages () {
  const found = new Set()
  const look = (dir, name) => {
    if (fs.existsSync(path.join(dir, 'prebuilds')) || fs.existsSync(path.join(dir, 'binding.gyp'))) found.add(name)
    const nested = path.join(dir, 'node_modules')
    if (fs.existsSync(nested)) scan(nested)
  }
  const scan = modules => {
    for (const name of fs.readdirSync(modules)) {
      if (name.startsWith('.')) continue
      const dir = path.join(modules, name)
      if (name.startsWith('@')) {
        for (const sub of fs.readdirSync(dir)) look(path.join(dir, sub), `${name}/${sub}`)
      } else look(dir, name)
    }
  }
  scan(path.join(root, 'node_modules'))
  // the loader they share resolves each addon from its package folder: keep it beside them
  found.add('require-addon')
  return [...found].sort()
}

/** The thin entry's import of the full CLI, which is its own bundle beside it: dist/cli/main.js. */
const FULL_CLI = './main.js'
const fullCliBeside = {
  name: 'full-cli-beside',
  setup (b) {
    b.onResolve({ filter: /^\.\/cli\/main\.js$/ }, args => args.importer === entry ? { path: FULL_CLI, external: true } : undefined)
  }
}

if (!fs.existsSync(entry) || !fs.existsSync(fullEntry)) {
  console.error(`bundle-cli: ${path.relative(root, entry)} is missing: run tsc -p tsconfig.json first`)
  process.exit(1)
}

const external = nativePackages()
fs.rmSync(out, { recursive: true, force: true })
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning'
}
// The full CLI (main.js, the lazy chunks beside it) and the thin entry users run (disco.js, one
// file): bin/disco.ts sends a declared command to a running node itself (bin/cli/thin.ts) and
// imports the full CLI only for the rest. Bundled apart so that the thin path reads one small file
// and none of the full CLI's (commander, the command modules): bench P13.
const results = []
try {
  results.push(await build({
    ...common,
    entryPoints: { main: fullEntry },
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    // the CommonJS packages in the bundle call require() for node's built-ins and the external
    // addons; an ES module has none, so each output file makes one for itself
    banner: { js: "import { createRequire as __discoCreateRequire } from 'node:module'; const require = __discoCreateRequire(import.meta.url);" }
  }))
  results.push(await build({
    ...common,
    entryPoints: { disco: entry },
    outdir: out,
    plugins: [fullCliBeside]
  }))
} catch (err) {
  console.error(`bundle-cli: esbuild failed: ${err.message}`)
  process.exit(1)
}

// An external the bundle imports but cannot find at run time would fail the first command that
// needs it: check now that each resolves from where the bundle lives, as node will look for it
// (node_modules folders upwards; a package's own exports map may hide its package.json).
const imported = new Set()
for (const output of results.flatMap(r => Object.values(r.metafile.outputs))) {
  for (const i of output.imports) if (i.external && !i.path.startsWith('node:') && !isBuiltin(i.path) && i.path !== FULL_CLI) imported.add(packageName(i.path))
}
const unresolved = [...imported].filter(name => !findUpwards(out, name))
if (unresolved.length > 0) {
  console.error(`bundle-cli: ${unresolved.join(', ')} cannot be found from ${path.relative(root, out)}/ (not hoisted to node_modules/): the bundle would fail at run time`)
  process.exit(1)
}

function packageName (specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function findUpwards (dir, name) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules', name, 'package.json'))) return true
    if (path.dirname(d) === d) return false
  }
}
