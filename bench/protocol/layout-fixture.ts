/**
 * `npm run fixtures:layout`: a store written by this release's view layout, kept in
 * test/fixtures/layout/v<N>/ so that later releases can test their upgrade from it
 * (test/view-layout.test.ts, UPGRADE.md). It runs the demo (three members, each device's log with
 * entries, an amendment, a retraction, a vote, income, a distribution and a paid month) and keeps
 * Ana's storage folder, which holds every member's log:
 *
 *   store.tar.gz   Ana's storage folder (config.json and corestore/), as the node left it
 *   reads.json     what a member reads from it (layout-reads.ts), to compare after a rebuild
 *
 * Run it only at a commit whose layout has no fixture yet: a fixture is the frozen copy of one
 * layout, made by that layout's code.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { runDemo } from '../../src/demo/cooperative.js'
import { DiscoNode } from '../../src/node/node.js'
import { VIEW_LAYOUT } from '../../src/consensus/view-layout.js'
import { readLayout } from './layout-reads.js'
import { FIXTURE_ROOT } from './fixture-files.js'

async function main (): Promise<void> {
  const keep = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-layout-'))
  try {
    await runDemo({ keep, onStep: text => console.error(`demo: ${text}`) })
    const storage = path.join(keep, 'ana')
    const node = await DiscoNode.open({ storage })
    let reads
    try {
      const snap = node.snapshot()
      try { reads = await readLayout(snap, node.base.store) } finally { await snap.close() }
    } finally {
      await node.close()
    }
    const dir = path.join(FIXTURE_ROOT, 'layout', `v${VIEW_LAYOUT}`)
    await fs.mkdir(dir, { recursive: true })
    // without the store's device file (corestore/CORESTORE): it records its own inode, so an
    // unpacked copy would be refused as a store moved unsafely; a store opened without one makes it
    execFileSync('tar', ['-czf', path.join(dir, 'store.tar.gz'), '-C', storage, '--exclude=./corestore/CORESTORE', '--sort=name', '--owner=0', '--group=0', '--numeric-owner', '.'])
    await fs.writeFile(path.join(dir, 'reads.json'), JSON.stringify(reads, null, 2) + '\n')
    console.log(`wrote ${dir}: layout ${VIEW_LAYOUT}, ${reads.entries.length} entries, ${reads.logs.length} logs`)
  } finally {
    await fs.rm(keep, { recursive: true, force: true })
  }
}

main().catch(err => { console.error(err); process.exit(1) })
