import t from 'tap'
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import type { Command } from 'commander'
import { COMMANDS } from '../bin/cli/commands.js'
import type { AnyCommandSpec } from '../bin/cli/command-spec.js'
import { buildProgram } from '../bin/cli/program.js'
import { THIN_COMMANDS } from '../bin/cli/thin-commands.js'
import { commandWord, parseThin } from '../bin/cli/thin-parse.js'
import type { ThinCall } from '../bin/cli/thin-parse.js'
import { seeds } from './helpers/seeds.js'

/**
 * The thin path's parser (bin/cli/thin-parse.ts) against commander's, which the full CLI runs:
 * wherever the thin parser answers, commander — the program main.ts builds, from the same
 * declaration — must accept the same command line and hand the action the same arguments, options
 * and globals. Where the thin parser declines, the full CLI runs, so declining is always safe; it
 * must still take the command lines a member types (or it would be no path at all).
 */

const SPECS: AnyCommandSpec[] = [...new Set((await Promise.all([...THIN_COMMANDS.values()].map(async load => (await load()).specs ?? []))).flat())]

interface Parsed { args: unknown[], options: Record<string, unknown>, storage?: string, json: boolean }

/** What commander hands the action for `argv` (main.ts with only this command's module, as it loads them), or its error. */
async function commander (spec: AnyCommandSpec, argv: string[]): Promise<Parsed | { error: string }> {
  const silent = { writeErr: () => {}, outputError: () => {} }
  const program = buildProgram([{ specs: [spec] }], silent)
  let got: Parsed | null = null
  for (const cmd of program.commands) {
    cmd.action((...params: unknown[]) => {
      const c = params[params.length - 1] as Command
      const g = (c.parent as Command).opts<{ storage?: string, json?: boolean }>()
      got = { args: params.slice(0, -2), options: c.opts(), ...(g.storage !== undefined ? { storage: g.storage } : {}), json: g.json === true }
    })
  }
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (err) {
    return { error: (err as Error).message }
  }
  return got ?? { error: 'no action ran' }
}

const asParsed = (call: ThinCall): Parsed => ({ args: call.args, options: call.options, ...(call.storage !== undefined ? { storage: call.storage } : {}), json: call.json })

t.test('the thin table names exactly the command modules that declare specs, with the same specs', async t => {
  for (const [names, load] of COMMANDS) {
    const mod = await load()
    for (const name of names) {
      const spec = mod.specs?.find(s => s.name === name)
      const thin = THIN_COMMANDS.get(name)
      if (spec === undefined) {
        t.equal(thin, undefined, `${name} declares no spec, so the thin path does not take it`)
        continue
      }
      t.not(thin, undefined, `${name} is declared: the thin path takes it`)
      if (thin !== undefined) t.equal((await thin()).specs?.find(s => s.name === name), spec, `${name}: the same spec`)
    }
  }
  t.ok(SPECS.length >= 2, 'log and balance at least')
})

t.test('the command lines a member types are taken, parsed as commander parses them', async t => {
  const LINES = [
    ['--storage', '/tmp/s', 'log', 'love', '1h', '-m', 'call 1', '--json'],
    ['--storage', '/tmp/s', 'balance', '--member', 'Ana', '--json'],
    ['balance'],
    ['--json', 'balance', '--month=2026-11'],
    ['log', 'livelihood', '1h30m', '--client', 'Acme', '--amount', '120.50', '--currency', 'EUR', '--tag', 'a', '--tag=b'],
    ['log', 'love', '--quantity', '1200', '--unit', 'words', '-m', 'translated', '--storage=/x'],
    ['log', 'care', '45m', '--for', 'person', '--confirm', '--confirm-timeout', '5', '--key', 'k1', '--for-coop', 'Other'],
    ['log', 'love', '2x', '-m', 'a bad duration is the handler\'s to refuse']
  ]
  for (const argv of LINES) {
    const word = commandWord(argv)
    const spec = SPECS.find(s => s.name === word)
    if (spec === undefined) { t.fail(`${argv.join(' ')}: no thin command`); continue }
    const thin = parseThin(argv, spec)
    if (thin === null) { t.fail(`${argv.join(' ')}: declined`); continue }
    t.strictSame(asParsed(thin), await commander(spec, argv), argv.join(' '))
  }
})

t.test('help, usage errors and the lines commander reads its own way are left to the full CLI', async t => {
  const log = SPECS.find(s => s.name === 'log') as AnyCommandSpec
  const balance = SPECS.find(s => s.name === 'balance') as AnyCommandSpec
  const LEFT: Array<[AnyCommandSpec, string[]]> = [
    [balance, ['balance', '--help']], [balance, ['balance', '-h']], [balance, ['help', 'balance']], [balance, ['--help']],
    [balance, ['balance', '--bogus']], [balance, ['balance', 'extra']], [balance, ['balance', '--member']],
    [balance, ['balance', '--member', '--json']], [balance, ['balance', '--json=1']], [balance, ['balance', '--']],
    [balance, ['-m', 'x', 'balance']], [balance, ['bogus', 'balance']], [balance, ['--storage', '--json', 'balance']],
    [log, ['log']], [log, ['log', 'love', '-2h']], [log, ['log', 'love', '1h', '-mfoo']], [log, ['log', 'love', '1h', '-m=x']],
    [log, ['log', 'love', '1h', '--confirm=yes']], [log, ['log', 'love', '1h', 'extra']], [log, ['log', 'love', '1h', '-m', '-x']]
  ]
  for (const [spec, argv] of LEFT) t.equal(parseThin(argv, spec), null, argv.join(' '))
  t.equal(commandWord(['--storage']), null, 'no word')
  t.equal(commandWord(['-h', 'balance']), null, 'an option before the word that is not a global one')
  t.equal(commandWord(['--storage', 's', '--json', 'balance', 'x']), 'balance')
})

t.test('on generated command lines, every line the thin parser takes commander takes the same way', async t => {
  for (const spec of SPECS) {
    const flags = spec.options.flatMap(o => [o.long, ...(o.short !== undefined ? [o.short] : []), `${o.long}=v`])
    const token = fc.oneof(
      fc.constantFrom(...flags, '--storage', '--storage=/s', '--json', '--json=1', '--', '-h', '--help', 'help', spec.name, '-', '-2', '-2h', '-mv', '--bogus'),
      fc.constantFrom('love', '1h', 'Ana', '2026-11', '', 'a b', '=', '-x', '--json', '--storage'),
      fc.stringMatching(/^[a-z0-9-]{0,4}$/)
    )
    // what the command needs (its required arguments and options), put among random words
    const needs = [...spec.arguments.filter(a => a.name.startsWith('<')).map((_, i) => [`arg${i}`]), ...spec.options.filter(o => o.required === true).map(o => [o.long, 'v'])]
    const line = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(
          fc.constantFrom([], ['--json'], ['--storage', 's'], ['--storage=s']),
          fc.array(token, { maxLength: 6 }),
          fc.array(fc.nat({ max: 8 }), { minLength: needs.length, maxLength: needs.length })
        ).map(([pre, rest, at]) => {
          const words = [...rest]
          needs.forEach((need, i) => words.splice(Math.min(at[i] as number, words.length), 0, ...need))
          return [...pre, spec.name, ...words]
        })
      },
      { weight: 1, arbitrary: fc.array(token, { maxLength: 8 }) }
    )
    let taken = 0
    const differ: Array<{ seed: number, argv: string[], thin: Parsed, commander: Parsed | { error: string } }> = []
    for (const seed of seeds(t, [11, 12])) {
      const lines = fc.sample(line, { seed, numRuns: 400 })
      for (const argv of lines) {
        const thin = parseThin(argv, spec)
        if (thin === null) continue
        taken++
        const full = await commander(spec, argv)
        if (!isDeepStrictEqual(asParsed(thin), full)) differ.push({ seed, argv, thin: asParsed(thin), commander: full })
      }
    }
    t.strictSame(differ, [], `${spec.name}: the thin parser took ${taken} generated lines, each as commander did`)
    t.ok(taken > 50, `${spec.name}: it took ${taken} of them, not next to none`)
  }
})
