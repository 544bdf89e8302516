/**
 * `npm run bench`: the project against the raw stack it is built on, each pair measured in this
 * one run on this machine. Read the ratios; absolute times move with the machine and its load.
 * `--json` prints the figures as JSON. BENCH_ROWS sets the import size (10,000).
 */
import { importBench } from './import.js'
import { reconnectBench } from './reconnect.js'
import { IDLE_SAMPLES, idleBench } from './idle.js'
import { distributeBench } from './distribute.js'

const json = process.argv.includes('--json')
const say = (line: string): void => { if (!json) console.log(line) }

say('import of a Clockify export (one run, same machine):')
const imp = await importBench()
say(`  raw autobase, trivial apply, 200 B entries in batches of 1,000: ${imp.rawAutobase.ms} ms (${imp.rawAutobase.opsPerSec} ops/s)`)
say(`  disco import, ${imp.rows} rows:                                 ${imp.discoImport.ms} ms (${imp.discoImport.opsPerSec} ops/s, ${imp.discoImport.blocks} blocks, peak RSS ${imp.discoImport.peakRssMB} MB)`)
say(`  the same import again:                                        ${imp.rerun.ms} ms (${imp.rerun.imported} imported, ${imp.rerun.alreadyImported} already there)`)
say(`  ratio disco / raw:                                            ${imp.ratio}×`)

say('deciding a distribution of a month of imported entries, against deciding a motion on the same ledger:')
const dist = await distributeBench()
say(`  motion (propose + the deciding vote):       ${dist.motionMs} ms`)
say(`  distribute ${dist.entries} entries (the same):      ${dist.distributeMs} ms`)
say(`  ratio:                                      ${dist.ratio}×`)

say('reconnect after 3×50 offline appends, until all signed and equal (ack 100 ms, loopback testnet):')
const rec = await reconnectBench()
say(`  raw autobase: ${rec.rawMs} ms`)
say(`  disco:        ${rec.discoMs} ms`)
say(`  ratio:        ${rec.ratio}×`)

say(`idle node on a loopback testnet, RSS sampled once a second for ${IDLE_SAMPLES} s after ready (each its own process):`)
const idle = await idleBench()
say(`  raw stack (corestore + autobase + hyperswarm joined): median ${idle.raw.rssMedianMB} MB, max ${idle.raw.rssMaxMB} MB (ready in ${idle.raw.readyMs} ms, joined)`)
say(`  disco start:                                          median ${idle.disco.rssMedianMB} MB, max ${idle.disco.rssMaxMB} MB`)
say(`  ratio disco / raw (median):                           ${idle.ratio}×`)
say(`  disco cold start, spawn to ready line:                ${idle.disco.readyMs} ms (to joined: ${idle.disco.joinedMs ?? '?'} ms)`)

if (json) console.log(JSON.stringify({ import: imp, distribute: dist, reconnect: rec, idle }, null, 2))
