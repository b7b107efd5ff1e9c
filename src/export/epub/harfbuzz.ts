/**
 * Font subsetting with HarfBuzz's hb-subset (harfbuzzjs's wasm build), as `hb-subset
 * --layout-features='*'` does it: the glyphs for the given characters and everything the
 * face's layout tables reach from them (vertical forms, ligatures, `halt`, kerning), TrueType
 * out for TrueType in. The calls are the ones the `subset-font` package makes, without its
 * format conversions (our faces are TrueType or OpenType already; WOFF and WOFF2 are refused)
 * and the WOFF2 encoder they load. One instance per book: its wasm memory grows to the largest
 * face and is let go with the book.
 */
import { closeSync, fstatSync, openSync, readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFully } from '../../read-fully.cjs';
import { HARFBUZZ_SUBSET_WASM } from '../wasm-files.js';
import { readReachable, type ReadAt } from './sparse-face.js';

/** The hb-subset exports used (harfbuzzjs/dist/harfbuzz-subset.wasm). */
interface HarfBuzz {
  readonly memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** hb_memory_mode_t: HarfBuzz may write into the blob (it is ours, in its memory). */
const HB_MEMORY_MODE_WRITABLE = 2;
/** hb_subset_sets_t: the layout features kept. */
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** The first four bytes of a WOFF and a WOFF2 file. */
const WEB_FONT_SIGNATURES = ['wOFF', 'wOF2'];

/**
 * The compiled module, started as soon as asked for (the compile runs off the main thread). The
 * file is read through fs's callback: fs/promises loads readline and fs's watchers with it, a
 * few milliseconds of compiling on the main thread and on the font thread for nothing.
 */
export function compileHarfBuzz(): Promise<WebAssembly.Module> {
  const file = harfBuzzFile();
  return new Promise<Buffer>((resolve, reject) => readFile(file, (error, bytes) => (error ? reject(error) : resolve(bytes)))).then((bytes) => WebAssembly.compile(bytes));
}

/** The wasm file of HarfBuzz's subsetter, as `npm run compile` copied it from harfbuzzjs (export/wasm-files.ts). */
export function harfBuzzFile(): string {
  return fileURLToPath(HARFBUZZ_SUBSET_WASM);
}

/** How much of a face file is read: what the subset can reach (the build), or all of it (tests compare the two). */
export type FaceRead = 'reachable' | 'whole';

/** One face to subset: its file and the code points it must draw. */
export interface SubsetJob {
  readonly file: string;
  readonly codePoints: readonly number[];
}

/** One job: its subset, or the Error saying why not. */
export function subsetJob(subsetter: Subsetter, job: SubsetJob): Uint8Array | Error {
  try {
    return subsetter.subset(job.file, job.codePoints);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

export class Subsetter {
  /**
   * Where the face being subset is read: one place for every face of the book, as large as the
   * largest. A face is mostly left unread (sparse-face.ts), and HarfBuzz's own allocations for the
   * next face then land where the last one's were, on memory already written, not in the unread
   * part of a freed face (fresh pages: a fault each).
   */
  private faceAt = 0;
  private faceRoom = 0;

  private constructor(private readonly hb: HarfBuzz) {}

  static async create(module: Promise<WebAssembly.Module> = compileHarfBuzz()): Promise<Subsetter> {
    const instance = await WebAssembly.instantiate(await module, {});
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return new Subsetter(hb);
  }

  /** The place for a face of `size` bytes. */
  private room(size: number): number {
    if (size > this.faceRoom) {
      if (this.faceRoom > 0) this.hb.free(this.faceAt);
      this.faceAt = this.hb.malloc(size);
      this.faceRoom = size;
    }
    return this.faceAt;
  }

  /**
   * The subset for the code points of the face in `file`, or an Error saying why not. The file
   * is read straight into HarfBuzz's memory (a 15 MB face is not held twice), and of its
   * outlines only those the subset can reach (sparse-face.ts).
   */
  subset(file: string, codePoints: Iterable<number>, read: FaceRead = 'reachable'): Buffer {
    const hb = this.hb;
    const wanted = new Set(codePoints);
    // The memory may grow while subsetting, which detaches earlier views: a fresh one each time.
    const heap = (): Uint8Array => new Uint8Array(hb.memory.buffer);
    const fd = openSync(file, 'r');
    let data: number;
    let size: number;
    try {
      size = fstatSync(fd).size;
      data = this.room(size);
      const readAt: ReadAt = (target, offset, length, position) => {
        const done = readFully(fd, target, offset, length, position);
        if (done < length) throw new Error(`the file ends after ${position + done} of ${size} bytes`);
      };
      // As far as the subset can reach (sparse-face.ts); the whole file where that is not known.
      const face = heap().subarray(data, data + size);
      if (read === 'whole' || !readReachable(face, size, readAt, wanted)) readAt(face, 0, size, 0);
    } finally {
      closeSync(fd);
    }
    const signature = Buffer.from(heap().subarray(data, data + Math.min(size, 4))).toString('latin1');
    if (WEB_FONT_SIGNATURES.includes(signature)) throw new Error(`a ${signature === 'wOFF' ? 'WOFF' : 'WOFF2'} file, not TrueType or OpenType`);
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
    const blob = hb.hb_blob_create(data, size, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    try {
      // Every layout feature (--layout-features='*').
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      hb.hb_set_invert(features);
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of wanted) hb.hb_set_add(unicodes, cp);
      const subset = hb.hb_subset_or_fail(face, input);
      if (subset === 0) throw new Error('hb_subset_or_fail failed: is the file corrupt?');
      const result = hb.hb_face_reference_blob(subset);
      const offset = hb.hb_blob_get_data(result, 0);
      const length = hb.hb_blob_get_length(result);
      const out = Buffer.from(heap().subarray(offset, offset + length));
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
      if (length === 0) throw new Error('the subset is empty: is the file corrupt?');
      return out;
    } finally {
      hb.hb_subset_input_destroy(input);
      hb.hb_face_destroy(face);
    }
  }
}
