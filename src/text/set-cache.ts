/**
 * Texts set by one build kept for the next, in a process that builds again on every save (the
 * preview). A block whose words, style and typography have not changed gets the very SetText it
 * got before, and with it the lines the page builder broke it into: the line cache keys them by
 * SetText (compose/line-cache.ts). A build lets go of what it did not use.
 */
import type { FontBook } from '../fonts/index.js';
import type { MissingGlyph } from './shape.js';
import type { SetText } from './index.js';

interface Entry {
  readonly set: SetText;
  /** The characters no face had, as the Shaper reported them while setting it. */
  readonly missing: readonly MissingGlyph[];
}

export class TextCache {
  private kept = new Map<string, Entry>();
  private used = new Map<string, Entry>();
  /** Texts found set already, and texts set (for the bench and tests). */
  readonly counts = { reused: 0, set: 0 };

  /** For the faces of one font book (any of its languages' books share them). */
  constructor(readonly faces: FontBook['faces']) {}

  /** The text set under `key`, or `make`'s, kept for the next build. */
  text(key: string, make: () => Entry): Entry {
    let entry = this.used.get(key) ?? this.kept.get(key);
    if (entry) this.counts.reused++;
    else {
      entry = make();
      this.counts.set++;
    }
    this.used.set(key, entry);
    return entry;
  }

  /** A build is over: what it did not use goes. */
  sweep(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}
