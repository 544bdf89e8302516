import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson } from './output.js'
import { runCommand } from './node-action.js'
import { DiscoError } from '../../src/errors.js'

/** A piece of the books from a streamed export (src/commands/export.ts, ExportChunk). */
function chunkOf (piece: unknown): string {
  const chunk = (piece as { chunk?: unknown } | null)?.chunk
  if (typeof chunk !== 'string') throw new Error('export: a progress message without a piece of the books')
  return chunk
}

export function register (program: Command): void {
  examples(program.command('export')
    .description('the books as an hledger journal or a beancount file (the work in MINUTES and CREDITS per member, stream and project; income, distributions, payments), CSV (the money only), or ValueFlows JSON-LD (work, income and payouts as economic events)')
    .requiredOption('--format <format>', 'hledger, beancount, csv or valueflows')
    .option('--month <YYYY-MM>', 'one month')
    .option('--from <YYYY-MM-DD>', 'from this day')
    .option('--to <YYYY-MM-DD>', 'to this day (inclusive)')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .action(async (o: { format: string, month?: string, from?: string, to?: string, output?: string }, c: Command) => {
      const { output, ...input } = o
      if (output === undefined && globals(c).json === true) return printJson(await runCommand(c, 'export', input))
      // the books come in pieces as they are written (`stream`), each written at once, so neither
      // this process nor the node holds a large export whole; writeSync keeps the pace of the disk
      if (output === undefined) {
        await runCommand(c, 'export', { ...input, stream: true }, { onProgress: piece => writeSync(1, chunkOf(piece)) })
        return
      }
      // whole or not at all: a half-written journal would be worse than none
      const path = resolve(output)
      const tmp = `${path}.${process.pid}.tmp`
      let fd: number
      try {
        fd = openSync(tmp, 'w')
      } catch (err) {
        throw DiscoError.invalidArgument(`cannot write ${path}: ${(err as Error).message}`)
      }
      let out: Awaited<ReturnType<typeof runCommand<'export'>>>
      try {
        out = await runCommand(c, 'export', { ...input, stream: true }, { onProgress: piece => writeSync(fd, chunkOf(piece)) })
        closeSync(fd)
        renameSync(tmp, path)
      } catch (err) {
        try { closeSync(fd) } catch {}
        rmSync(tmp, { force: true })
        if (err instanceof DiscoError) throw err
        throw DiscoError.invalidArgument(`cannot write ${path}: ${(err as Error).message}`)
      }
      if (globals(c).json === true) return printJson({ ...out, content: undefined, path })
      const what = out.format === 'valueflows' ? 'economic events' : 'transactions'
      const work = out.format === 'csv' ? '' : `, ${out.work} of them work`
      process.stderr.write(`wrote ${out.transactions} ${what}${work} (${out.period.label}) to ${path}\n`)
    }), [
    'disco export --format hledger --month 2026-11 -o coop-2026-11.journal && hledger -f coop-2026-11.journal bal',
    'disco export --format hledger -o coop.journal && hledger -f coop.journal bal Assets:Work --depth 4 cur:MINUTES',
    'disco export --format beancount -o coop.beancount && bean-check coop.beancount',
    'disco export --format csv --from 2026-01-01 --to 2026-12-31 > books-2026.csv',
    'disco export --format valueflows --month 2026-11 -o coop-2026-11.jsonld'
  ])
}
