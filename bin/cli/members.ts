import type { CommandSpec } from './command-spec.js'
import { printLines, table } from './output.js'

const members: CommandSpec<'members'> = {
  name: 'members',
  command: 'members',
  description: "the cooperative's members, their roles and devices",
  arguments: [],
  options: [],
  examples: ['disco members'],
  input: () => ({}),
  print: (out) => printLines(table(['ID', 'NAME', 'ROLE', 'DEVICES'], out.members.map(m => [m.id.slice(0, 8), m.name, m.removedAt !== undefined ? `removed (was ${m.role})` : m.role, String(m.devices.length)])))
}

export const specs = [members]
