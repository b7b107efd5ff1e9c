/**
 * The breaker's WebAssembly module (assembly/total-fit.ts, compiled by scripts/wasm.mjs to
 * dist/wasm/total-fit.wasm): read and instantiated at the first paragraph a process breaks.
 * Its memory is the breaker's scratch: every call lays out and writes what it then reads, so
 * one instance serves every paragraph of every build in the process, one call at a time.
 */
import { compiledModule } from '../wasm-module.js';

/** The module's exports (assembly/total-fit.ts says what each argument is). */
interface Exports {
  readonly memory: WebAssembly.Memory;
  prepare(n: number, widthCount: number, loosenessCount: number, capacity: number): number;
  breakParagraph(n: number, uniform: boolean, tolerance: number, ragged: boolean, linePenalty: number, fitnessDemerits: number, byLineCount: boolean, fallback: number, loosenessCount: number): number;
}

/** Where `prepare` put a paragraph's columns, in bytes from the memory's start. */
export interface Layout {
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  readonly penalty: number;
  readonly kind: number;
  readonly emergency: number;
  readonly lineWidths: number;
  readonly loosenesses: number;
  readonly output: number;
}

/** The module instantiated, with views of its memory made again whenever the memory grows. */
export class WasmBreaker {
  private readonly exports: Exports;
  private buffer: ArrayBuffer;
  f64: Float64Array;
  i32: Int32Array;
  u8: Uint8Array;

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as Exports;
    this.buffer = this.exports.memory.buffer;
    this.f64 = new Float64Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
  }

  /** Lay a paragraph out in the memory (growing it if it must) and say where its columns are. */
  prepare(n: number, widthCount: number, loosenessCount: number, capacity: number): Layout {
    const header = this.exports.prepare(n, widthCount, loosenessCount, capacity);
    if (this.exports.memory.buffer !== this.buffer) {
      this.buffer = this.exports.memory.buffer;
      this.f64 = new Float64Array(this.buffer);
      this.i32 = new Int32Array(this.buffer);
      this.u8 = new Uint8Array(this.buffer);
    }
    const at = header >> 2;
    const i32 = this.i32;
    // In the order assembly/total-fit.ts writes its header.
    return { width: i32[at], stretch: i32[at + 1], shrink: i32[at + 2], penalty: i32[at + 3], kind: i32[at + 4], emergency: i32[at + 5], lineWidths: i32[at + 6], loosenesses: i32[at + 7], output: i32[at + 8] };
  }

  breakParagraph(n: number, uniform: boolean, tolerance: number, ragged: boolean, linePenalty: number, fitnessDemerits: number, byLineCount: boolean, fallback: number, loosenessCount: number): number {
    return this.exports.breakParagraph(n, uniform, tolerance, ragged, linePenalty, fitnessDemerits, byLineCount, fallback, loosenessCount);
  }
}

/** Where `npm run compile` puts the module: dist/wasm/, found the same way from src/, dist/ and the bundles. */
const MODULE_FILE = new URL('../../dist/wasm/total-fit.wasm', import.meta.url);

let breaker: WasmBreaker | undefined;

/** The process's breaker, made at its first call. */
export function wasmBreaker(): WasmBreaker {
  breaker ??= new WasmBreaker(compiledModule(MODULE_FILE, "the line breaker's module", 'src/linebreak/assembly/'));
  return breaker;
}
