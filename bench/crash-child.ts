/**
 * The child of test/crash.test.ts: `node dist/bench/crash-child.js <storage> <seed> <ops>`.
 *
 * Opens the DiscoNode in <storage> (creates the ledger on the first run, opens it after) and
 * appends about <ops> contributions in a burst: single appends, several appends made in the same
 * tick (which the node writes together), and bulk appends (packed into one block). After each
 * `append` resolves it prints the acknowledged op ids, one line each (`ack <id>`); the parent kills
 * it with SIGKILL at a moment of its choosing and checks, at the end, that every acknowledged op
 * is in the ledger. Lines: `start`, `ready`, `ack <id>`…, `done`. Stdout on a pipe is
 * synchronous on Linux, so a line the parent read was written after its append had resolved.
 */
import { DiscoNode } from '../src/node/node.js'
import { hasConfig } from '../src/node/storage.js'
import { opId } from '../src/ledger/ids.js'
import type { ContributionOp, OpRef } from '../src/ledger/ops.js'
import { prng } from './prng.js'

const [storage, seedText, opsText] = process.argv.slice(2)
if (storage === undefined) {
  console.error('usage: crash-child <storage> [seed] [ops]')
  process.exit(2)
}
const seed = Number(seedText ?? 1)
const wanted = Number(opsText ?? 100)

const rand = prng(seed)
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1))

const say = (text: string): void => { process.stdout.write(text + '\n') }

let made = 0
function contribution (): ContributionOp {
  made++
  return {
    type: 'contribution',
    stream: 'love',
    minutes: (made % 600) + 1,
    day: 20760,
    description: `run ${seed}, op ${made}`,
    project: 'crash',
    tags: [],
    client: '',
    commons: '',
    careFor: null,
    money: null,
    output: null,
    key: ''
  }
}

async function append (node: DiscoNode, n: number): Promise<void> {
  const refs: OpRef[] = await node.append(Array.from({ length: n }, contribution))
  say(refs.map(r => `ack ${opId(r)}`).join('\n'))
}

say('start')
const node = await hasConfig(storage)
  ? await DiscoNode.open({ storage })
  : await DiscoNode.create({ storage, coopName: 'Crash coop', memberName: 'Ana' })
say('ready')

while (made < wanted) {
  const shape = rand()
  if (shape < 0.4) {
    await append(node, 1)
  } else if (shape < 0.85) {
    // appends made in the same tick: the node writes them in one block
    await Promise.all(Array.from({ length: int(2, 6) }, async () => { await append(node, int(1, 3)) }))
  } else {
    await append(node, int(10, 40))
  }
}

await node.close()
say('done')
