import { crc32, deflateRawSync, constants } from 'node:zlib';

/**
 * A file's data packed already, as the container holds it: deflated (`deflateEntry`), with the
 * size and CRC-32 of the file itself, which the zip's records carry (a font subset an earlier
 * build made: known-book-fonts.ts).
 */
export interface PackedData {
  readonly deflated: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

/** A file of the EPUB container, by its full path in the zip. */
export interface ZipEntry {
  readonly path: string;
  readonly data: string | Uint8Array | PackedData;
  /** `data` deflated already, by `deflateEntry` (the font thread does a font's). */
  readonly deflated?: Uint8Array;
}

/** `data` packed: deflated as given, with its size and CRC-32. */
export function packedData(data: Uint8Array, deflated: Uint8Array): PackedData {
  return { deflated, size: data.length, crc: crc32(data) };
}

function isPacked(data: string | Uint8Array | PackedData): data is PackedData {
  return typeof data !== 'string' && !(data instanceof Uint8Array);
}

/** An entry's data as the container holds it: raw DEFLATE at zlib's level 9. */
export function deflateEntry(bytes: Uint8Array): Buffer {
  return deflateRawSync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

/** DOS timestamps cannot go before 1980, nor after 2107. */
const DOS_FIRST_YEAR = 1980;
const DOS_LAST_YEAR = 2107;

/** ZIP record signatures and fields (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16). */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
/** Version needed to extract: 2.0 (deflate); made by: 2.0 on MS-DOS (no external attributes). */
const VERSION = 20;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;

/** A date as DOS date and time words, read in UTC so that the bytes do not depend on the time zone. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(DOS_LAST_YEAR, Math.max(DOS_FIRST_YEAR, date.getUTCFullYear()));
  const clamped = year === date.getUTCFullYear() ? date : new Date(Date.UTC(year, 0, 1));
  return {
    time: (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1),
    day: ((year - DOS_FIRST_YEAR) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate(),
  };
}

interface Packed {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly body: Buffer;
}

/**
 * The fields a local header and a central directory entry share, in the same order (method,
 * time, date, CRC-32, compressed and uncompressed sizes, name length), from byte `at`.
 */
function writeEntryFields(header: Buffer, at: number, p: Packed, time: number, day: number): void {
  header.writeUInt16LE(p.method, at);
  header.writeUInt16LE(time, at + 2);
  header.writeUInt16LE(day, at + 4);
  header.writeUInt32LE(p.crc, at + 6);
  header.writeUInt32LE(p.body.length, at + 10);
  header.writeUInt32LE(p.size, at + 14);
  header.writeUInt16LE(p.name.length, at + 18);
}

/** An entry's data as bytes: a text in UTF-8. */
export function entryBytes(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : asBuffer(data);
}

/** A view of `bytes` as a Buffer, not a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function packEntry(path: string, data: string | Uint8Array | PackedData, store: boolean, deflated?: Uint8Array): Packed {
  if (isPacked(data)) return { name: Buffer.from(path, 'utf8'), method: DEFLATED, crc: data.crc, size: data.size, body: asBuffer(data.deflated) };
  const bytes = entryBytes(data);
  const body = store ? bytes : deflated ? asBuffer(deflated) : deflateEntry(bytes);
  return { name: Buffer.from(path, 'utf8'), method: store ? STORED : DEFLATED, crc: crc32(bytes), size: bytes.length, body };
}

/**
 * Pack an EPUB container reproducibly: `mimetype` first and STORED (OCF requires it, so readers
 * can sniff the type at a fixed offset), then every other entry in code-point order of its
 * path, DEFLATE at zlib's level 9, all with the same timestamp (in UTC) and no folder entries.
 * Same entries and date → same bytes. The container is the few fixed records of the ZIP format
 * written here; the compression is Node's zlib, which packs a book in a few milliseconds.
 */
export async function packEpub(entries: readonly ZipEntry[], date: Date): Promise<Buffer> {
  const { time, day } = dosDateTime(date);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of sorted) if (entry.path === 'mimetype') throw new Error('EPUB: mimetype is written by the packer');
  const packed = [packEntry('mimetype', 'application/epub+zip', true), ...sorted.map((e) => packEntry(e.path, e.data, false, e.deflated))];

  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = Buffer.alloc(LOCAL_HEADER_SIZE);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    writeEntryFields(local, 8, p, time, day);
    // Extra field: none (its length is at 28, left 0).
    parts.push(local, p.name, p.body);

    const entry = Buffer.alloc(CENTRAL_HEADER_SIZE);
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    entry.writeUInt16LE(VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(UTF8_NAMES, 8);
    writeEntryFields(entry, 10, p, time, day);
    // Extra field, comment, disk number, internal and external attributes: none.
    entry.writeUInt32LE(offset, 42);
    central.push(entry, p.name);
    offset += LOCAL_HEADER_SIZE + p.name.length + p.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(END_SIZE);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
