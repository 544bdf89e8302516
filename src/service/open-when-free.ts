import { DiscoError } from '../errors.js'
import { DiscoNode } from '../node/node.js'
import type { DiscoNodeOptions } from '../node/node.js'
import { connectControl } from './control-client.js'

/** How long `disco start` waits for a short-lived command to let go of the store. */
export const STORE_WAIT_MS = 10_000
const RETRY_MS = 200

/**
 * Open the store for `disco start`, waiting briefly while another process holds it. A one-off
 * command (`disco status` as a health check, when no node runs) opens the store for a moment: a
 * start (a systemd restart) that comes at that moment must not fail for it. A running node is
 * another matter — it holds the store for good, and answers on its control socket — so that is
 * STORE_BUSY at once. The wait is bounded, and ends with an error that says what holds the store.
 */
export async function openWhenFree (opts: DiscoNodeOptions, onWait: (message: string) => void, waitMs = STORE_WAIT_MS): Promise<DiscoNode> {
  const deadline = Date.now() + waitMs
  let told = false
  for (;;) {
    try {
      return await DiscoNode.open(opts)
    } catch (err) {
      if (!(err instanceof DiscoError) || err.code !== 'STORE_BUSY') throw err
      const running = await connectControl(opts.storage)
      if (running !== null) {
        running.destroy()
        throw err
      }
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new DiscoError('STORE_BUSY', `${opts.storage} is still in use by another disco process after ${Math.round(waitMs / 1000)} s, ` +
          'and no node answers on its control socket: a disco command (an import?) is working on it. Let it finish or stop it, then start again', 'state')
      }
      if (!told) {
        told = true
        onWait(`disco: ${opts.storage} is in use by another disco command; waiting up to ${Math.round(waitMs / 1000)} s for it to finish`)
      }
      await new Promise(resolve => setTimeout(resolve, Math.min(RETRY_MS, left)))
    }
  }
}
