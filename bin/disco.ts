#!/usr/bin/env node
import { runThin } from './cli/thin.js'

// The CLI is a transport: it parses, calls a handler in src/commands, and prints. Key material and
// the store stay owner-only.
process.umask(0o077)
// `disco entries | head`: a reader that stops early is not an error of ours
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err })

// A declared command to a running node takes the thin path (cli/thin.ts), everything else the
// full CLI with commander (cli/main.ts). DISCO_THIN=0 always takes the full CLI: the tests compare
// the two paths' output with it.
if (process.env.DISCO_THIN === '0' || !await runThin(process.argv.slice(2))) await import('./cli/main.js')
