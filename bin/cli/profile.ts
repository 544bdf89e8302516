import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'

const profile: CommandSpec<'profile', { name: string }> = {
  name: 'profile',
  command: 'profile',
  description: 'change the name the cooperative sees for you',
  arguments: [],
  options: [
    { long: '--name', value: '<name>', description: 'your display name', required: true }
  ],
  examples: ['disco profile --name "Ana Pérez"'],
  input: (_args, o) => ({ name: o.name }),
  print: (out) => printLines([`you are now ${out.member.name}`])
}

export const specs = [profile]
