import fs from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Test } from 'tap'
import { chromium } from 'playwright-core'
import type { BrowserContext } from 'playwright-core'
import { root } from './processes.js'

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a machine with no network: nothing phones home, nothing updates itself. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots')

/**
 * One headless chromium for a whole test file, with a fresh profile folder, closed (and the
 * folder removed) at the file's end. Its one context keeps cookies between pages, as a member's
 * browser does.
 */
export async function openBrowser (t: Test): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`)
  const profile = await mkdtemp(path.join(os.tmpdir(), 'disco-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000
  })
  t.teardown(async () => {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  return context
}

export const screenshotPath = (name: string): string => path.join(SCREENSHOTS, `${name}.png`)
