// Preloaded with `node --import` by the bench into the command-line process: prints the peak
// resident set size on exit, so the bench can report the CLI's memory without changing the CLI.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kib ${process.resourceUsage().maxRSS}\n`)
})
