import JSZip from 'jszip';

/** A file of the EPUB container, by its full path in the zip. */
export interface ZipEntry {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** DOS timestamps cannot go before 1980. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/**
 * Pack an EPUB container reproducibly: `mimetype` first and STORED (OCF requires it, so readers
 * can sniff the type at a fixed offset), then every other entry in code-point order of its
 * path, DEFLATE level 9, all with the same timestamp (JSZip writes it in UTC) and no folder
 * entries. Same entries and date → same bytes.
 */
export async function packEpub(entries: readonly ZipEntry[], date: Date): Promise<Buffer> {
  const time = new Date(Math.max(date.getTime(), DOS_EPOCH));
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date: time, createFolders: false });
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of sorted) {
    if (entry.path === 'mimetype') throw new Error('EPUB: mimetype is written by the packer');
    zip.file(entry.path, entry.data, { compression: 'DEFLATE', compressionOptions: { level: 9 }, date: time, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', platform: 'DOS', streamFiles: false });
}
