import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines } from './output.js'

export function register (program: Command): void {
  examples(program.command('device-key')
    .description("print this machine's device key before joining, for a cooperative that admits you by vote")
    .action(async (_o: object, c: Command) => {
      const g = globals(c)
      const [{ deviceKey }, { defaultStorage }] = await Promise.all([import('../../src/invites/join.js'), import('../../src/node/storage.js')])
      const storage = g.storage ?? defaultStorage()
      const key = await deviceKey(storage)
      if (g.json === true) return printJson({ storage, device: key })
      printLines([
        key,
        '',
        'Send it to a member: they propose "disco propose admit <key> --role member --name <you>".',
        'Once it passes, join with any invite code they give you: disco join <code>'
      ])
    }), ['disco device-key', 'disco device-key --storage ~/disco-coop'])
}
