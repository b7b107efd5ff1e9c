/**
 * Preloaded into a timed banmian process (`node --require probe.cjs launch.cjs …`): its peak
 * memory at exit. CommonJS, preloaded by `--require`: an ES module preloaded by `--import` sets
 * Node's ES module loader up first, which the command line itself never loads (launch.cts), and
 * that cost every timed build 12–20 ms more than a user's.
 */
import { reportPeakMemory } from './peak-memory.cjs';

process.on('exit', reportPeakMemory);
