import type { Command } from 'commander'
import os from 'node:os'
import { examples, globals, positiveInt } from './options.js'
import { printJson, printLines } from './output.js'
import { networkFlags } from './network-options.js'
import type { NetworkFlags } from '../../src/service/network-config.js'

export function register (program: Command): void {
  examples(networkFlags(program.command('join')
    .description("join a cooperative with an invite code: pairs this machine's node with the ledger")
    .argument('<code>', 'the invite code a member gave you')
    .option('--me <name>', 'your name as the cooperative will see it (default: your user name)')
    .option('--timeout <seconds>', 'give up if no member\'s node answers in time', positiveInt('--timeout'), 60))
    .action(async (code: string, o: NetworkFlags & { me?: string, timeout: number }, c: Command) => {
      const g = globals(c)
      const { joinCooperative } = await import('../../src/invites/join.js')
      const { networkFromFlags } = await import('../../src/service/network-config.js')
      const { defaultStorage } = await import('../../src/node/storage.js')
      const storage = g.storage ?? defaultStorage()
      const node = await joinCooperative({
        storage,
        code,
        network: networkFromFlags(o),
        ...(o.bootstrap !== undefined ? { saveBootstrap: o.bootstrap } : {}),
        me: o.me ?? os.userInfo().username,
        timeoutMs: o.timeout * 1000,
        onProgress: (stage, detail) => { process.stderr.write(`join: ${stage}${detail !== '' ? ` (${detail})` : ''}\n`) }
      })
      try {
        const { status } = await import('../../src/commands/status.js')
        const s = await status(node)
        if (g.json === true) return printJson(s)
        printLines([
          `joined "${s.cooperative ?? '?'}" as ${s.member?.name ?? '?'} (${s.member?.role ?? '?'})`,
          `storage: ${s.storage}`,
          'next: disco start (keeps your node online), disco log love 1h -m "…"'
        ])
      } finally {
        await node.close()
      }
    }), ['disco join 3Jk…Qw --me "Bo"', 'disco join 3Jk…Qw --storage ~/disco-coop --bootstrap 192.168.1.10:49737'])
}
