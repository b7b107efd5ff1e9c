/**
 * A fault found in an image file's data by the format checks (jpeg-*.ts, png-check.ts). They
 * know bytes, not pages: image-check.ts turns the fault into a ContentError at the photo's line.
 */

/**
 * - `cut`: the file stops before its data does (an interrupted copy or download);
 * - `corrupt`: the data is there but wrong (a bad checksum, an invalid code);
 * - `unsupported`: a well-formed file of a form a page cannot carry (a 12-bit JPEG, say).
 */
export type ImageFaultKind = 'cut' | 'corrupt' | 'unsupported';

export class ImageFault extends Error {
  constructor(
    readonly fault: ImageFaultKind,
    /** What is wrong, as the end of "image x.jpg is incomplete: …". */
    readonly reason: string,
    /** What to do, when the kind's general advice is not enough. */
    readonly hint?: string,
  ) {
    super(reason);
    this.name = 'ImageFault';
  }
}

/** The file stops inside what its structure says is still to come. */
export function cut(reason: string): ImageFault {
  return new ImageFault('cut', reason);
}

export function corrupt(reason: string): ImageFault {
  return new ImageFault('corrupt', reason);
}

export function unsupported(reason: string, hint: string): ImageFault {
  return new ImageFault('unsupported', reason, hint);
}

/** The fault `check` throws, or none; anything but an ImageFault is thrown on. */
export function faultOf(check: () => void): ImageFault | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof ImageFault) return error;
    throw error;
  }
}
