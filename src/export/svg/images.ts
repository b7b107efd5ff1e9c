/**
 * Photos in an SVG page: the file's own bytes in a `data:` URL (the page is one
 * self-contained file), read once however many pages show the photo, and again when the file
 * changes (its size or time differ).
 */
import { readFileSync, statSync } from 'node:fs';

/** The photos were checked when the edition was read: a JPEG or a PNG, told by its first bytes. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

function mediaType(bytes: Buffer, src: string): string {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  throw new Error(`${src} is neither a JPEG nor a PNG image`);
}

export class ImageData {
  private readonly urls = new Map<string, { readonly stamp: string; readonly url: string }>();

  /** The photo at `src` as a data URL. */
  url(src: string): string {
    const { size, mtimeMs } = statSync(src);
    const stamp = `${size}/${mtimeMs}`;
    const known = this.urls.get(src);
    if (known?.stamp === stamp) return known.url;
    const bytes = readFileSync(src);
    const url = `data:${mediaType(bytes, src)};base64,${bytes.toString('base64')}`;
    this.urls.set(src, { stamp, url });
    return url;
  }
}
