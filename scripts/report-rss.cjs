// Preloaded by the benchmark (node --require): reports the process's peak memory on exit.
const { writeSync } = require("node:fs");
process.on("exit", () => {
  const fd = Number(process.env.VMVC_BENCH_FD || 3);
  try {
    writeSync(fd, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    /* no reporting channel */
  }
});
