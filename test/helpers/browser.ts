import fs from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Test } from 'tap'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
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
  // The tests run through tsx, whose esbuild wraps a named inner function as __name(fn, 'name');
  // a callback a test hands to page.$$eval/evaluate travels to the page as its source, where no
  // __name exists. The page gets one that does nothing (the dashboard's own code never calls it).
  await context.addInitScript('globalThis.__name = (fn) => fn')
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  return context
}

export const screenshotPath = (name: string): string => path.join(SCREENSHOTS, `${name}.png`)

/**
 * Collect the page's own faults: script errors and console errors. A refused request (4xx) is
 * logged by the browser as a console error too; a test that sends bad input on purpose expects it.
 */
export function collectPageErrors (page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', err => errors.push(err.message))
  page.on('console', msg => { if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource: the server responded with a status of 4')) errors.push(msg.text()) })
  return errors
}

/** Go to one of the dashboard's pages (its hash) and wait until it says it loaded, or say why it did not. */
export async function openDashboardPage (p: Page, name: string, timeoutMs: number): Promise<void> {
  await p.evaluate(n => { location.hash = n }, name)
  try {
    await p.waitForSelector(`body[data-loaded="${name}"]`, { timeout: timeoutMs })
  } catch (err) {
    throw new Error(`${name} did not load: ${await p.textContent('#load-error') ?? ''} (${(err as Error).message})`)
  }
}
