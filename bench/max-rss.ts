import fs from 'node:fs'

/**
 * Preloaded (`node --import`) into the processes a scenario times: prints the process's peak
 * resident memory (kB) and the CPU time it used (ms, user + system) on stderr as it exits, so that
 * disco and its baseline are measured alike. CPU time moves less than wall time on a shared machine.
 *
 * The peak is the process's own (`VmHWM` in /proc/self/status) where Linux gives it: getrusage's
 * maxRSS keeps the highest of the process before and after its exec, and a child forked by the
 * bench starts as a copy of the bench itself, so every short command reported the bench's own
 * size (P13: 97 MB for `node -e 0` and `disco log` alike).
 */
function peakKb (fallback: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    return m === null ? fallback : Number(m[1])
  } catch {
    return fallback
  }
}

process.on('exit', () => {
  const u = process.resourceUsage()
  process.stderr.write(`\nmax-rss ${peakKb(u.maxRSS)}\ncpu-ms ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`)
})
