import type { Command } from 'commander'
import { examples } from './options.js'
import { printJson, printLines } from './output.js'
import { withStorageNode } from './node-action.js'

export function register (program: Command): void {
  examples(program.command('profile')
    .description('change the name the cooperative sees for you')
    .requiredOption('--name <name>', 'your display name')
    .action(async (o: { name: string }, c: Command) => {
      await withStorageNode(c, async (node, g) => {
        const { profile } = await import('../../src/commands/profile.js')
        const out = await profile(node, o)
        if (g.json === true) return printJson(out)
        printLines([`you are now ${out.member.name}`])
      })
    }), ['disco profile --name "Ana Pérez"'])
}
