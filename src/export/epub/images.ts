import { ContentError } from '../../model/errors.js';
import { readFileShared } from '../../file-shared.js';
import type { ImagePlan } from './plan.js';

/** An image file as it goes into the EPUB. */
export interface EmbeddedImage {
  /** Path inside the content folder, e.g. `images/p11-box-1.jpg`. */
  readonly file: string;
  readonly mediaType: string;
  readonly data: Buffer;
}

/** EPUB 3 core media types for images, recognised by their first bytes (not by the file name). */
const SIGNATURES: ReadonlyArray<{ readonly magic: readonly number[]; readonly mediaType: string; readonly ext: string }> = [
  { magic: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg', ext: 'jpg' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mediaType: 'image/png', ext: 'png' },
  { magic: [0x47, 0x49, 0x46, 0x38], mediaType: 'image/gif', ext: 'gif' },
];

/** Read each planned image and name it by its actual type. Unreadable or unsupported files are ContentErrors. */
export function loadImages(images: readonly ImagePlan[]): EmbeddedImage[] {
  const out: EmbeddedImage[] = [];
  for (const image of images) {
    let data: Buffer;
    try {
      // Shared: deflated and digested on the font thread (file-shared.ts).
      data = readFileShared(image.src);
    } catch (err) {
      throw new ContentError(`EPUB: cannot read image ${image.figure.href}: ${(err as Error).message}`, image.figure.source);
    }
    const type = sniff(data);
    if (!type) {
      throw new ContentError(`EPUB: image ${image.figure.href} is not JPEG, PNG or GIF`, image.figure.source,
        'convert it to JPEG or PNG');
    }
    out.push({ file: `${image.stem}.${type.ext}`, mediaType: type.mediaType, data });
  }
  return out;
}

function sniff(data: Buffer): { mediaType: string; ext: string } | undefined {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => data[i] === byte));
}
