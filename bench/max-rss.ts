/**
 * Preloaded (`node --import`) into the processes a scenario times: prints the process's peak
 * resident memory (kB) and the CPU time it used (ms, user + system) on stderr as it exits, so that
 * disco and its baseline are measured alike. CPU time moves less than wall time on a shared machine.
 */
process.on('exit', () => {
  const u = process.resourceUsage()
  process.stderr.write(`\nmax-rss ${u.maxRSS}\ncpu-ms ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`)
})
