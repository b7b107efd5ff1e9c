/**
 * What a timed process used, reported on stderr when it exits, for the bench to read: its peak
 * resident memory (`PEAK_RSS_KIB <n>`), and the CPU time of all its threads in user and kernel
 * mode with the page faults it took (`CPU_USAGE <user µs> <system µs> <minor faults>`). Loaded
 * into banmian's own command line by `--require` (probe.cts; no change to it), and by Typst's
 * runner (typst-run.cts). CommonJS, as both are.
 *
 * Why the CPU split: a cold build waits on its own code (user time) and on the kernel mapping
 * the memory it first touches (system time, a page fault each 4 KB); which of the two differs
 * from Typst's says where the difference is.
 */
export const PEAK_MARK = 'PEAK_RSS_KIB';
export const CPU_MARK = 'CPU_USAGE';

/** Microseconds in a second (process.resourceUsage's unit of CPU time). */
const US_PER_SECOND = 1e6;

export function reportUsage(): void {
  const usage = process.resourceUsage();
  process.stderr.write(`\n${PEAK_MARK} ${usage.maxRSS}\n${CPU_MARK} ${usage.userCPUTime} ${usage.systemCPUTime} ${usage.minorPageFault}\n`);
}

/** The peak memory a process reported, in MiB. */
export function peakMiB(stderr: string): number | undefined {
  const m = new RegExp(`${PEAK_MARK} (\\d+)`).exec(stderr);
  return m ? Number(m[1]) / 1024 : undefined;
}

/** CPU seconds of a process's threads and the page faults it took. */
export interface CpuUsage {
  readonly userSeconds: number;
  readonly systemSeconds: number;
  readonly minorFaults: number;
}

/** The CPU time and page faults a process reported, or undefined when it reported none. */
export function cpuUsage(stderr: string): CpuUsage | undefined {
  const m = new RegExp(`${CPU_MARK} (\\d+) (\\d+) (\\d+)`).exec(stderr);
  return m ? { userSeconds: Number(m[1]) / US_PER_SECOND, systemSeconds: Number(m[2]) / US_PER_SECOND, minorFaults: Number(m[3]) } : undefined;
}
