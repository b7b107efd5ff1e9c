/**
 * Photos in an SVG page: the file's own bytes in a `data:` URL (the page is one
 * self-contained file), read once per export however many pages show the photo.
 */
import { readFileSync } from 'node:fs';

/** The photos were checked when the edition was read: a JPEG or a PNG, told by its first bytes. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

function mediaType(bytes: Buffer, src: string): string {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  throw new Error(`${src} is neither a JPEG nor a PNG image`);
}

export class ImageData {
  private readonly urls = new Map<string, string>();

  /** The photo at `src` as a data URL. */
  url(src: string): string {
    let url = this.urls.get(src);
    if (url === undefined) {
      const bytes = readFileSync(src);
      url = `data:${mediaType(bytes, src)};base64,${bytes.toString('base64')}`;
      this.urls.set(src, url);
    }
    return url;
  }
}
