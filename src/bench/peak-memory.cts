/**
 * A process's peak resident memory, reported on stderr when it exits, for the bench to read:
 * `PEAK_RSS_KIB <n>`. Loaded into banmian's own command line by `--require` (probe.cts; no
 * change to it), and by Typst's runner (typst-run.cts). CommonJS, as both are.
 */
export const PEAK_MARK = 'PEAK_RSS_KIB';

export function reportPeakMemory(): void {
  process.stderr.write(`\n${PEAK_MARK} ${process.resourceUsage().maxRSS}\n`);
}

/** The peak memory a process reported, in MiB. */
export function peakMiB(stderr: string): number | undefined {
  const m = new RegExp(`${PEAK_MARK} (\\d+)`).exec(stderr);
  return m ? Number(m[1]) / 1024 : undefined;
}
