/** Preloaded into a timed banmian process (`node --import probe.js cli.js …`): its peak memory at exit. */
import { reportPeakMemory } from './peak-memory.js';

process.on('exit', reportPeakMemory);
