#!/usr/bin/env node
// The test command: `npm test` (every tier) or `npm run test:<tier>` (one tier, see test/tiers.json).
//
// It looks for the outside programs the chosen tiers run before anything else, and installs the
// Debian packages that hold them when it can (root, or sudo without a password); when it cannot, it
// stops in its first seconds with one line saying what to install, rather than letting the tests
// fail ten minutes in. Then, for the whole suite: the layering check (dependency-cruiser), the
// build (tsc, then the CLI bundled by build/bundle-cli.mjs), the type-check of the tests, and each
// tier through tap, the pure tiers several files at a time, the networked ones one file at a time
// (two loopback swarms at once starve each other on a 2-core machine). Plain JavaScript so that it runs before anything is built.
//
// Environment:
//   DISCO_TEST_INSTALL=no   never install anything; only say what is missing
//   CHROMIUM=/path          the chromium the browser tests drive (else /usr/bin/chromium or PATH)
//   DISCO_SEEDS=random      the random tests draw new seeds and print them (test/helpers/seeds.ts)
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tiers = JSON.parse(fs.readFileSync(path.join(root, 'test', 'tiers.json'), 'utf8'))
delete tiers.$comment
const bin = name => path.join(root, 'node_modules', '.bin', name)

/** The programs tests run, the Debian package each comes in, and how to find it. */
const TOOLS = {
  hledger: { pkg: 'hledger' },
  'bean-check': { pkg: 'beancount' },
  'bean-query': { pkg: 'beancount' },
  chromium: { pkg: 'chromium', find: findChromium },
  cc: { pkg: 'gcc' }
}

function say (line) { process.stdout.write(`npm test: ${line}\n`) }
function fail (line) { say(line); process.exit(1) }

function onPath (name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const file = path.join(dir, name)
    try { fs.accessSync(file, fs.constants.X_OK); return file } catch {}
  }
  return null
}

function executable (file) {
  try { fs.accessSync(file, fs.constants.X_OK); return fs.statSync(file).isFile() } catch { return false }
}

/** CHROMIUM if set (and then only it), else Debian's /usr/bin/chromium, else a chromium on PATH. */
function findChromium () {
  if (process.env.CHROMIUM !== undefined && process.env.CHROMIUM !== '') return executable(process.env.CHROMIUM) ? process.env.CHROMIUM : null
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium'
  return onPath('chromium')
}

function find (tool) { return (TOOLS[tool].find ?? (() => onPath(tool)))() }

/** How to run apt-get here, or why not. */
function installer () {
  if (process.env.DISCO_TEST_INSTALL === 'no') return { why: 'DISCO_TEST_INSTALL=no' }
  if (process.platform !== 'linux' || onPath('apt-get') === null) return { why: 'no apt-get here' }
  if (typeof process.getuid === 'function' && process.getuid() === 0) return { prefix: [] }
  if (onPath('sudo') !== null && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return { prefix: ['sudo', '-n'] }
  return { why: 'not root, and no sudo without a password' }
}

function aptGet (prefix, args, log) {
  // wait for another apt-get's lock rather than fail at once
  const [cmd, ...rest] = [...prefix, 'apt-get', '-o', 'DPkg::Lock::Timeout=300', ...args]
  const r = spawnSync(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' })
  fs.appendFileSync(log, `$ ${[cmd, ...rest].join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`)
  return r.status === 0
}

/** Find every tool the tiers need; install what is missing when allowed; else one line and exit 1. */
function ensureTools (needs) {
  let missing = needs.filter(tool => find(tool) === null)
  if (missing.length === 0) return
  const pkgs = [...new Set(missing.map(tool => TOOLS[tool].pkg))]
  const how = installer()
  const advice = `install the Debian package${pkgs.length > 1 ? 's' : ''} ${pkgs.join(' ')} (as root: apt-get install -y ${pkgs.join(' ')})` +
    (missing.includes('chromium') ? ', or set CHROMIUM to a chromium binary' : '')
  if (how.prefix === undefined) fail(`the tests need ${missing.join(', ')}, not found (${how.why}): ${advice}`)
  const log = path.join(os.tmpdir(), `disco-test-apt-${process.pid}.log`)
  say(`installing ${pkgs.join(' ')} with apt-get for the tests (log: ${log})`)
  const done = aptGet(how.prefix, ['update', '-qq'], log) && aptGet(how.prefix, ['install', '-y', '-qq', ...pkgs], log)
  missing = needs.filter(tool => find(tool) === null)
  if (!done || missing.length > 0) fail(`apt-get could not install ${pkgs.join(' ')} (see ${log}); the tests need ${missing.join(', ') || pkgs.join(', ')}: ${advice}`)
}

/** Refuse a test file in no tier or in two: a new file must be placed (test/tiers.json). */
function checkManifest () {
  const placed = new Map()
  for (const [name, tier] of Object.entries(tiers)) {
    for (const file of tier.files) {
      if (placed.has(file)) fail(`${file} is in two tiers (${placed.get(file)}, ${name}) in test/tiers.json`)
      if (!fs.existsSync(path.join(root, file))) fail(`${file} is in test/tiers.json but does not exist`)
      placed.set(file, name)
    }
  }
  for (const file of fs.readdirSync(path.join(root, 'test')).filter(f => f.endsWith('.test.ts'))) {
    if (!placed.has(`test/${file}`)) fail(`test/${file} is in no tier: add it to one in test/tiers.json`)
  }
}

async function run (cmd, args, env = process.env) {
  return await new Promise(resolve => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env })
    child.on('exit', (code, signal) => resolve(code ?? (signal !== null ? 1 : 0)))
  })
}

const seconds = since => `${Math.round((Date.now() - since) / 1000)} s`

const asked = process.argv.slice(2)
for (const name of asked) if (tiers[name] === undefined) fail(`no tier "${name}"; the tiers: ${Object.keys(tiers).join(', ')}`)
const whole = asked.length === 0
const chosen = whole ? Object.keys(tiers) : asked
if (!fs.existsSync(bin('tap'))) fail('no node_modules: run npm ci first')

const start = Date.now()
checkManifest()
ensureTools([...new Set(chosen.flatMap(name => tiers[name].needs))])
const env = { ...process.env }
if (chosen.some(name => tiers[name].needs.includes('chromium'))) env.CHROMIUM = findChromium()

if (whole) {
  let t = Date.now()
  if (await run('npm', ['run', '--silent', 'test:layers']) !== 0) fail('the layering check failed: a new arrow up the layers or a new circle (see above; docs/DESIGN.md, "Layers")')
  say(`layering checked (${seconds(t)})`)
  t = Date.now()
  if (await run(bin('tsc'), ['-p', 'tsconfig.json']) !== 0) fail('the build failed')
  if (await run(process.execPath, ['build/bundle-cli.mjs']) !== 0) fail('the bundle of the CLI failed')
  if (await run(bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']) !== 0) fail('the type-check of the tests failed')
  say(`built and type-checked (${seconds(t)})`)
} else if (chosen.some(name => name !== 'unit' && name !== 'apply')) {
  // the other tiers spawn the bundled dist/cli/disco.js or dist/bench/*-child.js
  const t = Date.now()
  if (await run(bin('tsc'), ['-p', 'tsconfig.json']) !== 0) fail('the build failed')
  if (await run(process.execPath, ['build/bundle-cli.mjs']) !== 0) fail('the bundle of the CLI failed')
  say(`built (${seconds(t)})`)
}

const results = []
for (const name of chosen) {
  const tier = tiers[name]
  const jobs = tier.jobs === 'cpus' ? Math.max(2, os.availableParallelism()) : tier.jobs
  const t = Date.now()
  say(`tier ${name}: ${tier.files.length} files, ${jobs} at a time`)
  // a tier that runs files side by side gives each longer than .taprc's 120 s (they share the cores)
  const timeout = tier.timeout === undefined ? [] : [`--timeout=${tier.timeout}`]
  const code = await run(bin('tap'), [`--jobs=${jobs}`, ...timeout, ...tier.files], env)
  results.push({ name, code, took: seconds(t) })
}
for (const r of results) say(`tier ${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.took}`)
say(`${results.every(r => r.code === 0) ? 'all passed' : 'FAILED'}, ${seconds(start)} in all`)
process.exit(results.every(r => r.code === 0) ? 0 : 1)
