/**
 * Preloaded (`node --import`) into the processes a scenario times: prints the process's peak
 * resident memory (kB) on stderr as it exits, so that disco and its baseline are measured alike.
 */
process.on('exit', () => { process.stderr.write(`\nmax-rss ${process.resourceUsage().maxRSS}\n`); });
export {};
//# sourceMappingURL=max-rss.js.map