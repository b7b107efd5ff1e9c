/**
 * Whole processes, timed from spawn to exit (start-up included) with their peak memory; runs
 * of different commands interleaved (A B A B …), so a busy spell on a shared machine falls on
 * all of them alike. The median is reported.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpuUsage, peakMiB, type CpuUsage } from './process-usage.cjs';

export interface Command {
  readonly name: string;
  readonly argv: readonly string[];
  /** Set for this command's runs, over the bench's own environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Done before each of its runs, untimed. */
  readonly before?: () => void;
}

export interface ColdFigures {
  readonly name: string;
  /** Seconds, every run, in order. */
  readonly runs: readonly number[];
  readonly median: number;
  /** The largest peak resident memory of the runs, MiB. */
  readonly peakMiB: number;
  /** Each of user time, system time and page faults, the median of the runs that reported them (process-usage.cts). */
  readonly cpu?: CpuUsage;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spawn(command: Command): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, command.argv, { encoding: 'utf8', env: { ...process.env, ...command.env } });
}

/**
 * Each command once untimed first: the installed command keeps V8's code cache from its first
 * run (launch.cts), and every run after that is what a user waits for.
 */
export function runInterleaved(commands: readonly Command[], runs: number): ColdFigures[] {
  const times = commands.map(() => [] as number[]);
  const peaks = commands.map(() => 0);
  const usages = commands.map((): CpuUsage[] => []);
  for (const command of commands) {
    command.before?.();
    spawn(command);
  }
  for (let r = 0; r < runs; r++) {
    for (const [i, command] of commands.entries()) {
      command.before?.();
      const started = process.hrtime.bigint();
      const result = spawn(command);
      times[i].push(Number(process.hrtime.bigint() - started) / 1e9);
      if (result.status !== 0) throw new Error(`${command.name} failed (exit ${result.status}): ${result.stderr}`);
      peaks[i] = Math.max(peaks[i], peakMiB(result.stderr) ?? 0);
      const usage = cpuUsage(result.stderr);
      if (usage) usages[i].push(usage);
    }
  }
  return commands.map((command, i) => ({ name: command.name, runs: times[i], median: median(times[i]), peakMiB: peaks[i], ...(usages[i].length > 0 ? { cpu: medianUsage(usages[i]) } : {}) }));
}

/** The median of each figure on its own. */
function medianUsage(usages: readonly CpuUsage[]): CpuUsage {
  return {
    userSeconds: median(usages.map((u) => u.userSeconds)),
    systemSeconds: median(usages.map((u) => u.systemSeconds)),
    minorFaults: median(usages.map((u) => u.minorFaults)),
  };
}
