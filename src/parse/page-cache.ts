/**
 * Pages read by one build kept for the next, in a process that builds again on every save (the
 * preview, `build --watch`). A page file whose text is as it was, and whose photos are the same
 * files (same size and time), is not parsed again, nor are its photos checked again. Only page
 * files are kept: edition.yml and the checks across pages are read and made every time.
 */
import { statSync } from 'node:fs';
import { figuresOf } from './known-pages.js';
import type { ParsedPage } from './page.js';

interface Kept {
  readonly source: string;
  readonly parsed: ParsedPage;
  /** The photos' files as they were: path → size and time. */
  readonly photos: ReadonlyMap<string, string>;
}

function stamp(file: string): string {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}/${mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The photos a page shows: its figures' files. */
function photosOf(parsed: ParsedPage): Map<string, string> {
  return new Map(figuresOf(parsed).map((f) => [f.src, stamp(f.src)]));
}

export class PageCache {
  private kept = new Map<string, Kept>();
  /** Page files parsed, and found unchanged (for tests). */
  readonly counts = { parsed: 0, reused: 0 };

  /** The page file's parse: the last one if nothing it was made from has changed, else `parse`'s. */
  page(file: string, source: string, parse: () => ParsedPage): ParsedPage {
    const known = this.kept.get(file);
    if (known && known.source === source && [...known.photos].every(([photo, was]) => stamp(photo) === was)) {
      this.counts.reused++;
      return known.parsed;
    }
    const parsed = parse();
    this.counts.parsed++;
    this.kept.set(file, { source, parsed, photos: photosOf(parsed) });
    return parsed;
  }

  /** Let go of the files a build no longer has. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.kept.keys()) if (!files.has(file)) this.kept.delete(file);
  }
}
