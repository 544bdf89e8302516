import type { CommandSpec } from './command-spec.js'
import { positiveInt } from './options.js'
import { printLines, table, truncate } from './output.js'

const rejections: CommandSpec<'rejections', { limit?: number }> = {
  name: 'rejections',
  command: 'rejections',
  description: 'ops the ledger refused, and why (nothing disappears unexplained)',
  arguments: [],
  options: [
    { long: '--limit', value: '<n>', description: 'at most n', parse: positiveInt('--limit') }
  ],
  examples: ['disco rejections'],
  input: (_args, o) => o,
  print: (out) => {
    if (out.rejections.length === 0) return printLines(['no rejected ops'])
    printLines([
      ...table(['OP', 'TYPE', 'CODE', 'REASON'], out.rejections.map(r => [
        `${r.writer.slice(0, 8)}-${r.seq}${r.index === 'frame' ? '' : `-${r.index}`}`, r.type ?? 'block', r.code, truncate(r.message, 70)
      ])),
      ...(out.count.total > out.count.stored ? [`(${out.count.total - out.count.stored} more not stored: the per-writer cap was reached)`] : [])
    ])
  }
}

export const specs = [rejections]
