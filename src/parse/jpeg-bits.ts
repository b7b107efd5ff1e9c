/**
 * The bits of a JPEG scan's entropy-coded data, most significant first, with 0xFF 0x00 read as
 * one 0xFF byte (ITU T.81 B.1.1.5, F.1.2.3). At a marker or the end of the file it feeds zero
 * bits as a decoder does (F.2.2.5), but a code that needs any of them means the data ran out
 * early: the file was cut short, or the data is damaged.
 */
import { corrupt, cut } from './image-fault.js';
import { markerName, RST0, RST7 } from './jpeg-segments.js';

const MARKER_PREFIX = 0xff;
const STUFFED = 0x00;
/** Refill while fewer bits than this are held, so that up to 16 are always there to peek. */
const REFILL_BELOW = 24;
const BYTE = 8;
const PEEK_BITS = 16;
const PEEK_MASK = 0xffff;

export class EntropyBits {
  /** Held bits: the low `count` bits of `acc`. */
  private acc = 0;
  private count = 0;
  /** How many of the held bits (the lowest) are zeros fed past the end of the data. */
  private padding = 0;

  constructor(
    private readonly data: Uint8Array,
    /** Offset of the next byte to read. */
    private pos: number,
  ) {}

  private fill(): void {
    const data = this.data;
    while (this.count < REFILL_BELOW) {
      const pos = this.pos;
      let byte = 0;
      if (pos < data.length && data[pos] !== MARKER_PREFIX) {
        byte = data[pos];
        this.pos = pos + 1;
      } else if (pos + 1 < data.length && data[pos + 1] === STUFFED) {
        byte = MARKER_PREFIX;
        this.pos = pos + 2;
      } else {
        this.padding += BYTE; // a marker or the end of the file: stay there
      }
      this.acc = (this.acc << BYTE) | byte;
      this.count += BYTE;
    }
  }

  /** The next 16 bits, without taking them. */
  peek16(): number {
    if (this.count < PEEK_BITS) this.fill();
    return (this.acc >>> (this.count - PEEK_BITS)) & PEEK_MASK;
  }

  /** Take `n` bits (already peeked). */
  skip(n: number): void {
    this.count -= n;
    if (this.count < this.padding) this.ranOut();
  }

  /** Take `n` (0…16) bits as an unsigned number. */
  bits(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    if (this.count < this.padding) this.ranOut();
    return (this.acc >>> this.count) & ((1 << n) - 1);
  }

  private ranOut(): never {
    const at = this.markerAt(this.pos);
    if (at < 0) throw cut(`the file ends at byte ${this.data.length}, inside its image data`);
    throw corrupt(`its image data stops early, at the ${markerName(this.data[at + 1])} marker at byte ${at}`);
  }

  /**
   * Offset of the next marker from where reading stopped: the end of an interval or a scan.
   * Bytes left between the last code and the marker are skipped, as decoders do.
   */
  nextMarker(): number {
    this.acc = 0;
    this.count = 0;
    this.padding = 0;
    const at = this.markerAt(this.pos);
    if (at < 0) throw cut(`the file ends at byte ${this.data.length} without its end-of-image marker (EOI)`);
    return at;
  }

  /** Offset of the first marker at or after `from` (fill bytes included), or -1 at the end of the data. */
  private markerAt(from: number): number {
    const data = this.data;
    for (let i = from; i + 1 < data.length; i++) {
      if (data[i] === MARKER_PREFIX && data[i + 1] !== STUFFED && data[i + 1] !== MARKER_PREFIX) return i;
    }
    return -1;
  }

  /**
   * Expect a restart marker (T.81 B.2.1, F.2.2.5 RSTm) right after the interval's last byte,
   * as a decoder does: an interval whose codes end bytes before its marker was misread, so its
   * data is damaged. Reading goes on after the marker.
   */
  restart(): void {
    const unread = this.count - this.padding >= BYTE;
    const from = this.pos;
    const at = this.nextMarker();
    const marker = this.data[at + 1];
    if (marker < RST0 || marker > RST7) throw corrupt(`a restart marker is missing at byte ${at} (found ${markerName(marker)})`);
    if (unread || this.data.subarray(from, at).some((b) => b !== MARKER_PREFIX)) throw corrupt(`its image data does not end where its restart marker at byte ${at} says`);
    this.pos = at + 2;
  }
}
