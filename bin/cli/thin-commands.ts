import type { CommandModule } from './commands.js'

/**
 * The commands the thin path (thin.ts) takes, by their word: the modules of commands.ts that
 * declare them as data (`specs`, command-spec.ts). A table of its own, not commands.ts, because
 * the thin path is bundled apart from the full CLI (build/bundle-cli.mjs) and a loader listed here
 * is bundled into it: listing all 38 would bring the whole CLI in. test/thin-parse.test.ts checks
 * that it names exactly the modules that declare specs.
 */
export const THIN_COMMANDS = new Map<string, () => Promise<CommandModule>>([
  ['log', async () => await import('./log.js')],
  ['balance', async () => await import('./balance.js')]
])
