/**
 * An image file checked before the page takes it: its kind from its bytes (image-kind.ts), its
 * file size and the pixel size its header declares against the limits (image-limits.ts), and
 * then its data whole (jpeg-check.ts, png-check.ts), so that nothing huge is decoded and
 * nothing cut short or damaged reaches the PDF or the EPUB. Every refusal is a ContentError at
 * the photo's line in the page file, naming the image and saying what to do.
 */
import { closeSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { imageSize } from 'image-size';
import type { SourcePos } from '../model/document.js';
import { readFileShared } from '../file-shared.js';
import { fail } from './fail.js';
import { faultOf, ImageFault, type ImageFaultKind } from './image-fault.js';
import { imageKind, KIND_NAME, type ImageKind, type ReadableKind } from './image-kind.js';
import { checkFileSize, checkPixelSize, checkPngDataSize } from './image-limits.js';
import { checkJpegData } from './jpeg-check.js';
import { fileIdentity } from '../file-identity.js';
import { KnownImages } from './known-images.js';
import { readJpegFrame } from './jpeg-segments.js';
import { checkPngData } from './png-check.js';
import { pixelDataBytes, pngForm, readPngHeader } from './png-header.js';

export interface CheckedImage {
  readonly kind: ReadableKind;
  /** Pixel size as the picture is shown: EXIF orientations 5–8 of a JPEG swap width and height. */
  readonly width: number;
  readonly height: number;
}

/** Enough of the start of a file to tell its kind (image-kind.ts) and read a PNG's header. */
const HEAD_BYTES = 512;
/** EXIF orientations 5–8 turn the picture a quarter (EXIF 2.3 §4.6.4 A, Orientation). */
const FIRST_TURNED_ORIENTATION = 5;

const CONVERT = 'photos and graphics are JPEG (.jpg) or PNG (.png): convert the image to one of them and point to that file';

const KIND_HINT: Partial<Record<ImageKind, string>> = {
  heic: `${CONVERT} (on an iPhone, share or export the photo as JPEG, or set Camera › Formats to Most Compatible)`,
  html: 'the file is a web page, not a picture: download the picture itself (open it on its own, then save it) and point to that file',
  empty: 'the file is empty: copy the picture again from where it came from and point to that file',
};

const FAULT_WORDS: Record<ImageFaultKind, string> = { cut: 'is incomplete', corrupt: 'is damaged', unsupported: '' };

function faultHint(fault: ImageFaultKind, kind: ReadableKind): string {
  const name = kind === 'jpeg' ? 'JPEG' : 'PNG';
  if (fault === 'cut') return `the file was cut short, most likely by an interrupted copy or download: copy it again, or export it again from the original as ${name}, and point to the new file`;
  return `export it again from the original photo or graphic as ${name} (or open it in an image editor and save it as a new ${name}) and point to the new file`;
}

/**
 * A JPEG's data checked elsewhere (checkJpegData on another thread: subset-thread.ts): the fault
 * it found, or none. It rejects when it could not check at all.
 */
export type JpegDataCheck = (bytes: Uint8Array) => Promise<ImageFault | undefined>;

/** A JPEG whose data is being checked elsewhere, and where the page met it. */
interface PendingCheck {
  readonly verdict: Promise<ImageFault | undefined>;
  readonly bytes: Uint8Array;
  readonly href: string;
  readonly pos: SourcePos;
}

/** An image found whole (or whose JPEG data is still being checked elsewhere) in this parse. */
interface CheckedHere {
  readonly src: string;
  readonly stat: BigIntStats;
  readonly image: CheckedImage;
  /** When its check began (ms since 1970): a file written since is not taken as known. */
  readonly at: number;
}

/**
 * The images one parse has checked, under their path and file identity: a photo used twice in
 * an edition is read once. Owned by the parse of one edition (or one page) and passed down.
 *
 * Given a JpegDataCheck, a JPEG's header is checked as it is met and its data elsewhere, while
 * the parse and the pages go on; `settle` then reports a fault as the parse would have, at the
 * photo's line, before anything met after it. Without one, every check is made here, at once.
 *
 * Given the images earlier builds found whole (known-images.ts), a file unchanged since is not
 * read at all; those checked here are added to them once `settle` finds every one whole.
 */
export class ImageChecks {
  private readonly checked = new Map<string, CheckedImage>();
  private readonly pending: PendingCheck[] = [];
  private readonly checkedHere: CheckedHere[] = [];

  constructor(
    private readonly elsewhere?: JpegDataCheck,
    private readonly known: KnownImages = KnownImages.none(),
  ) {}

  /** Check the image file `src` (written `href` on the page, at `pos`). */
  check(src: string, href: string, pos: SourcePos): CheckedImage {
    const at = this.known.now();
    const stat = statSync(src, { bigint: true });
    const identity = fileIdentity(stat);
    const key = `${src}\0${identity}`;
    const seen = this.checked.get(key);
    if (seen) return seen;
    const known = this.known.answer(src, identity);
    if (known) {
      this.checked.set(key, known);
      return known;
    }
    const elsewhere = this.elsewhere;
    const jpegData = elsewhere ? (bytes: Uint8Array): void => this.later(elsewhere(bytes), bytes, href, pos) : checkJpegData;
    const image = checkImageFile(src, href, pos, Number(stat.size), jpegData);
    this.checked.set(key, image);
    this.checkedHere.push({ src, stat, image, at });
    return image;
  }

  private later(verdict: Promise<ImageFault | undefined>, bytes: Uint8Array, href: string, pos: SourcePos): void {
    // Waited for in `settle`; until then a thread's failure is not an unhandled rejection.
    verdict.catch(() => undefined);
    this.pending.push({ verdict, bytes, href, pos });
  }

  /**
   * Wait for the data checks made elsewhere, in the order their images were met, and fail at
   * the first fault (a ContentError at the photo's line). A check that could not be made there
   * is made here. With none at fault, the images checked are known from now on.
   */
  async settle(): Promise<void> {
    for (const check of this.pending.splice(0)) {
      const fault = await check.verdict.catch(() => faultOf(() => checkJpegData(check.bytes)));
      if (fault) reportFault(fault, 'jpeg', check.href, check.pos);
    }
    for (const { src, stat, image, at } of this.checkedHere.splice(0)) this.known.add(src, stat, image, at);
  }
}

/** A fault in an image's data as the ContentError at the photo's line. */
function reportFault(fault: ImageFault, kind: ReadableKind, href: string, pos: SourcePos): never {
  const what = fault.fault === 'unsupported' ? fault.reason : `${FAULT_WORDS[fault.fault]}: ${fault.reason}`;
  return fail(pos, `image ${href} ${what}`, fault.hint ?? faultHint(fault.fault, kind));
}

/** Read and check one image file of `size` bytes; a JPEG's data with `jpegData`. */
function checkImageFile(src: string, href: string, pos: SourcePos, size: number, jpegData: (bytes: Uint8Array) => void): CheckedImage {
  const kind = imageKind(readHead(src));
  if (kind !== 'jpeg' && kind !== 'png') fail(pos, `image ${href} is ${KIND_NAME[kind]}, not a JPEG or PNG`, KIND_HINT[kind] ?? CONVERT);
  checkFileSize(size, href, pos);
  // Shared: a JPEG's data goes to the font thread to be checked (file-shared.ts).
  const bytes = readFileShared(src);
  try {
    return kind === 'jpeg' ? checkJpeg(bytes, href, pos, jpegData) : checkPng(bytes, href, pos);
  } catch (error) {
    if (!(error instanceof ImageFault)) throw error;
    return reportFault(error, kind, href, pos);
  }
}

/** The first bytes of a file, without reading the rest. */
function readHead(src: string): Buffer {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(src, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function checkJpeg(bytes: Buffer, href: string, pos: SourcePos, jpegData: (bytes: Uint8Array) => void): CheckedImage {
  const frame = readJpegFrame(bytes);
  checkPixelSize(frame.width, frame.height, href, pos);
  jpegData(bytes);
  const turned = (orientation(bytes) ?? 1) >= FIRST_TURNED_ORIENTATION;
  return { kind: 'jpeg', width: turned ? frame.height : frame.width, height: turned ? frame.width : frame.height };
}

/** The EXIF orientation, read by image-size; none when it cannot be read. */
function orientation(bytes: Buffer): number | undefined {
  try {
    return imageSize(bytes).orientation;
  } catch {
    return undefined;
  }
}

function checkPng(bytes: Buffer, href: string, pos: SourcePos): CheckedImage {
  const header = readPngHeader(bytes);
  checkPixelSize(header.width, header.height, href, pos);
  checkPngDataSize(pixelDataBytes(header), pngForm(header), href, pos);
  checkPngData(bytes, header);
  return { kind: 'png', width: header.width, height: header.height };
}
