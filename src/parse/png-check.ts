/**
 * A PNG checked whole: every chunk's length and CRC (ISO/IEC 15948 §5.3), their order (§5.6),
 * an IEND at the end, and the pixel data inflated to exactly the size the header promises, with
 * zlib's own Adler-32 check (RFC 1950 §2.2) and a valid filter type on every scanline (§9.2).
 * Unfiltering and colour conversion cannot fail, so they are left out. Memory: the file, its
 * IDAT data joined, and the inflated data, which image-limits.ts bounds before this runs.
 */
import { constants, inflateSync } from 'node:zlib';
import { corrupt, cut, unsupported } from './image-fault.js';
import { CHUNK_OVERHEAD, chunkType, crcMatches, MAX_PNG_UINT, pixelDataBytes, readUint32, scanlines, SIGNATURE_BYTES, type PngHeader } from './png-header.js';

/** §9.2 filter types 0 (None) to 4 (Paeth). */
const MAX_FILTER_TYPE = 4;
/** §5.4: a chunk whose type starts with an upper-case letter is critical: a reader must know it. */
const CRITICAL_BIT = 0x20;
const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
const INDEXED = 3;

/** Check the whole file (its header already read); throws an ImageFault. */
export function checkPngData(bytes: Uint8Array, header: PngHeader): void {
  const idat: Uint8Array[] = [];
  let at = SIGNATURE_BYTES;
  let previous = '';
  let palette = false;
  let idatEnded = false;
  for (;;) {
    if (at + CHUNK_OVERHEAD > bytes.length) {
      throw cut(at >= bytes.length ? `the file ends at byte ${bytes.length} after its ${previous} chunk, without its IEND chunk` : `the file ends at byte ${bytes.length}, inside a chunk`);
    }
    const length = readUint32(bytes, at);
    const type = chunkType(bytes, at + 4);
    if (!/^[A-Za-z]{4}$/.test(type) || length > MAX_PNG_UINT) throw corrupt(`there is no valid chunk at byte ${at}`);
    const end = at + CHUNK_OVERHEAD + length;
    if (end > bytes.length) throw cut(`the file ends at byte ${bytes.length}, inside its ${type} chunk that should end at byte ${end}`);
    if (!crcMatches(bytes, at, length)) throw corrupt(`its ${type} chunk at byte ${at} fails its CRC check (its bytes were changed)`);
    if (at > SIGNATURE_BYTES && type === 'IHDR') throw corrupt(`it has a second IHDR chunk, at byte ${at}`);
    if (type === 'IDAT') {
      if (idatEnded) throw corrupt(`its IDAT chunks are not consecutive (another at byte ${at})`);
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    } else if (idat.length > 0) {
      idatEnded = true;
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IEND') break;
    if ((type.charCodeAt(0) & CRITICAL_BIT) === 0 && !KNOWN_CRITICAL.has(type)) {
      throw unsupported(`has a chunk ${type} that PNG readers need but do not know`, 'open it in an image editor and save it again as a standard PNG, then point to that file');
    }
    previous = type;
    at = end;
  }
  if (header.colourType === INDEXED && !palette) throw corrupt('it is an indexed-colour PNG without its palette (PLTE)');
  if (idat.length === 0) throw corrupt('it has no pixel data (IDAT)');
  checkPixelData(idat.length === 1 ? idat[0] : Buffer.concat(idat), header);
}

/** Inflate the joined IDAT data and check its size and each scanline's filter type. */
function checkPixelData(compressed: Uint8Array, header: PngHeader): void {
  const expected = pixelDataBytes(header);
  let data: Buffer;
  try {
    // One output buffer of the expected size plus one byte: more data than that is an error,
    // and zlib never allocates a second buffer for a well-formed stream.
    data = inflateSync(compressed, { chunkSize: Math.max(expected + 1, constants.Z_MIN_CHUNK), maxOutputLength: expected });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw corrupt('its pixel data (IDAT) holds more than its size in pixels');
    if (code === 'Z_BUF_ERROR') throw cut('its compressed pixel data (IDAT) stops before the end of the picture');
    if (!code?.startsWith('Z_')) throw error;
    throw corrupt(`its compressed pixel data (IDAT) is damaged (${message})`);
  }
  if (data.length < expected) throw cut(`its pixel data (IDAT) stops early: ${data.length} of ${expected} bytes`);
  let row = 0;
  let p = 0;
  for (const pass of scanlines(header)) {
    for (let r = 0; r < pass.rows; r++, row++) {
      if (data[p] > MAX_FILTER_TYPE) throw corrupt(`its pixel data is damaged: scanline ${row + 1} has an unknown filter type ${data[p]}`);
      p += 1 + pass.bytes;
    }
  }
}
