/**
 * The raw stack doing what a member's command does, on a copy of a disco store, for P12 and P14 to
 * time against disco in the same run: corestore, the ledger's encrypted autobase and its hyperbee
 * view, with none of disco's modules, checks or formatting.
 *
 *   node dist/bench/raw-member.js append <storage>            open, append one frame, apply it, close
 *   node dist/bench/raw-member.js month <storage> <YYYY-MM>   the month's entry records as a JSON array on stdout
 *   node dist/bench/raw-member.js income <storage> <file>     every income record, a line each, into a file
 *
 * The apply is trivial (it writes nothing): a block appended here only costs what the stack costs.
 */
import fs from 'node:fs'
import path from 'node:path'
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import b4a from 'b4a'

const [mode, storage, arg] = process.argv.slice(2)
if (mode === undefined || storage === undefined) {
  process.stderr.write('usage: raw-member.js append|month|income <storage> [arg]\n')
  process.exit(2)
}
const config = JSON.parse(fs.readFileSync(path.join(storage, 'config.json'), 'utf8')) as { ledger: string }
const store = new Corestore(path.join(storage, 'corestore'))
const base = new Autobase<Hyperbee>(store, b4a.from(config.ledger, 'hex'), {
  valueEncoding: 'binary',
  encrypt: true,
  ackInterval: 1000,
  open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
  apply: async () => {},
  close: async view => { await view.close() }
})
await base.ready()
try {
  if (mode === 'append') {
    // a frame of the size of `disco log`'s: one small op as JSON
    await base.append(b4a.from(JSON.stringify({ type: 'contribution', stream: 'love', minutes: 60, description: 'raw' })))
    await base.update()
  } else if (mode === 'month') {
    const rows: unknown[] = []
    for await (const node of base.view.createReadStream({ gte: `entry/${arg ?? ''}`, lt: `entry/${arg ?? ''}\xff` })) {
      rows.push(JSON.parse(b4a.toString(node.value)))
    }
    process.stdout.write(JSON.stringify(rows) + '\n')
  } else if (mode === 'income' && arg !== undefined) {
    const out = fs.createWriteStream(arg)
    for await (const node of base.view.createReadStream({ gt: 'income/', lt: 'income/\xff' })) {
      const r = JSON.parse(b4a.toString(node.value)) as Record<string, unknown>
      if (!out.write(`${String(r.date)} ${String(r.id)} ${String(r.client)} ${String(r.amount)} ${String(r.currency)}\n`)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => { if (err != null) reject(err); else resolve() }))
  } else {
    throw new Error(`unknown mode ${mode}`)
  }
} finally {
  await base.close()
  await store.close()
}
