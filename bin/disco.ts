#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { exitCodeOf, printError } from './cli/output.js'
import { DiscoError } from '../src/errors.js'
import * as init from './cli/init.js'
import * as log from './cli/log.js'
import * as amend from './cli/amend.js'
import * as retract from './cli/retract.js'
import * as entries from './cli/entries.js'
import * as balance from './cli/balance.js'
import * as importCsv from './cli/import.js'
import * as status from './cli/status.js'
import * as members from './cli/members.js'
import * as profile from './cli/profile.js'
import * as rejections from './cli/rejections.js'
import * as start from './cli/start.js'
import * as invite from './cli/invite.js'
import * as join from './cli/join.js'
import * as dht from './cli/dht.js'
import * as demo from './cli/demo.js'
import * as propose from './cli/propose.js'
import * as vote from './cli/vote.js'
import * as deviceKey from './cli/device-key.js'
import * as endorse from './cli/endorse.js'
import * as income from './cli/income.js'
import * as paid from './cli/paid.js'
import * as statement from './cli/statement.js'
import * as credits from './cli/credits.js'
import * as report from './cli/report.js'
import * as exportBooks from './cli/export.js'
import * as rules from './cli/rules.js'
import * as verify from './cli/verify.js'
import * as serve from './cli/serve.js'
import * as federation from './cli/federation.js'
import * as federate from './cli/federate.js'
import * as checkin from './cli/checkin.js'
import * as verifyEvidence from './cli/verify-evidence.js'

// The CLI is a transport: it parses, calls a handler in src/commands (imported lazily, so that
// `disco --help` does not load the ledger), and prints. Key material and the store stay owner-only.
process.umask(0o077)
// `disco entries | head`: a reader that stops early is not an error of ours
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err })

const json = process.argv.includes('--json')
const program = new Command()
  .name('disco')
  .description("a DisCO member's node: the cooperative's open ledger of livelihood, love and care work")
  .option('--storage <dir>', 'where this node keeps its data (default: $XDG_DATA_HOME/disco or ~/.local/share/disco)')
  .option('--json', 'print machine-readable JSON')
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({
    writeErr: text => { if (!json) process.stderr.write(text) }
  })

for (const command of [demo, init, log, amend, retract, entries, balance, importCsv, status, members, profile, rejections, start, invite, join, dht, propose, vote, endorse, income, paid, statement, credits, report, exportBooks, rules, verify, deviceKey, serve, federation, federate, checkin, verifyEvidence]) {
  command.register(program)
}
// every command and subcommand reports usage errors to us (exit 2), not by exiting itself
const quietly = (cmd: Command): void => {
  cmd.exitOverride().configureOutput({ writeErr: text => { if (!json) process.stderr.write(text) } })
  for (const sub of cmd.commands) quietly(sub)
}
for (const cmd of program.commands) quietly(cmd)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    // help and --version end "successfully"; every other commander error is a usage error
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.help') {
      process.exitCode = 0
    } else {
      if (json) printError(new DiscoError('USAGE', err.message.replace(/^error: /, '')), true)
      process.exitCode = 2
    }
  } else {
    printError(err, json)
    process.exitCode = exitCodeOf(err)
  }
}
