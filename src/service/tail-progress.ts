import type { TailProgress } from '../node/log-tail.js'

/**
 * The lines `disco start` and `disco repair` print while a device gets the lost tail of its own
 * log back from peers (log-tail.ts): the first at once, then at most one a second while it moves,
 * and the last when every block is back.
 */
export function tailProgressLines (say: (line: string) => void, everyMs = 1000): (p: TailProgress) => void {
  let last = ''
  let lastAt = -Infinity
  let told = false
  return p => {
    const line = p.held >= p.acked
      ? `disco: this device's log is whole again (${p.acked} blocks)`
      : `disco: this device's log lost its last ${p.acked - p.held} of ${p.acked} blocks on disk; getting them back from peers ` +
        `(${p.held} of ${p.acked} held, ${p.peers} peer${p.peers === 1 ? '' : 's'} connected); nothing is written until then`
    if (p.held >= p.acked && !told) return // nothing was lost: say nothing
    if (line === last || (p.held < p.acked && told && Date.now() - lastAt < everyMs)) return
    told = true
    last = line
    lastAt = Date.now()
    say(line)
  }
}
