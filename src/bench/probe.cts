/**
 * Preloaded into a timed banmian process (`node --require probe.cjs launch.cjs …`): its peak
 * memory, CPU time and page faults at exit (process-usage.cts). CommonJS, preloaded by
 * `--require`: an ES module preloaded by `--import` sets Node's ES module loader up first, which
 * the command line itself never loads (launch.cts), and that cost every timed build 12–20 ms
 * more than a user's.
 */
import { reportUsage } from './process-usage.cjs';

process.on('exit', reportUsage);
