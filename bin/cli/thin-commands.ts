import type { CommandModule } from './commands.js'

/**
 * The commands the thin path (thin.ts) takes, by their word: the modules of commands.ts that
 * declare them as data (`specs`, command-spec.ts). A table of its own, not commands.ts, because
 * the thin path is bundled apart from the full CLI (build/bundle-cli.mjs) and a loader listed here
 * is bundled into it: listing all of them would bring the whole CLI in. test/thin-parse.test.ts checks
 * that it names exactly the modules that declare specs.
 */
export const THIN_COMMANDS = new Map<string, () => Promise<CommandModule>>([
  ['log', async () => await import('./log.js')],
  ['retract', async () => await import('./retract.js')],
  ['entries', async () => await import('./entries.js')],
  ['balance', async () => await import('./balance.js')],
  ['status', async () => await import('./status.js')],
  ['members', async () => await import('./members.js')],
  ['profile', async () => await import('./profile.js')],
  ['rejections', async () => await import('./rejections.js')],
  ['vote', async () => await import('./vote.js')],
  ['close', async () => await import('./vote.js')],
  ['proposals', async () => await import('./vote.js')],
  ['endorse', async () => await import('./endorse.js')],
  ['income', async () => await import('./income.js')],
  ['paid', async () => await import('./paid.js')],
  ['statement', async () => await import('./statement.js')],
  ['credits', async () => await import('./credits.js')],
  ['evaluate', async () => await import('./evaluate.js')],
  ['rules', async () => await import('./rules.js')]
])
