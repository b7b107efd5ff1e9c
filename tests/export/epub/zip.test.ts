/** The EPUB container (src/export/epub/zip.ts): the OCF's mimetype rule, reproducible bytes, a zip any reader opens. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { deflateEntry, entryBytes, packedData, packEpub } from '../../../src/export/epub/zip.js';

const ENTRIES = [
  { path: 'EPUB/text.xhtml', data: '<p>党建聚合力 发展增动能</p>'.repeat(200) },
  { path: 'META-INF/container.xml', data: '<container/>' },
  { path: 'EPUB/images/a.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) },
];
const DATE = new Date(Date.UTC(2024, 10, 24, 13, 45, 30));

describe('packEpub', () => {
  it('writes mimetype first, stored, so that its text stands at byte 38 (OCF 3.3)', async () => {
    const zip = await packEpub(ENTRIES, DATE);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(0); // stored
    expect(zip.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(zip.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
  });

  it('gives the same bytes for the same entries and date, whatever order they come in', async () => {
    const a = await packEpub(ENTRIES, DATE);
    const b = await packEpub([...ENTRIES].reverse(), DATE);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, await packEpub(ENTRIES, new Date(DATE.getTime() + 60_000)))).not.toBe(0);
  });

  it('is read back whole by another zip reader: paths in code-point order, contents, the date in UTC', async () => {
    const zip = await JSZip.loadAsync(await packEpub(ENTRIES, DATE));
    expect(Object.keys(zip.files)).toEqual(['mimetype', 'EPUB/images/a.jpg', 'EPUB/text.xhtml', 'META-INF/container.xml']);
    expect(await zip.file('EPUB/text.xhtml')!.async('string')).toBe(ENTRIES[0].data);
    expect([...(await zip.file('EPUB/images/a.jpg')!.async('uint8array'))]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    // DOS time has two-second steps; JSZip reads it as UTC when the entry says nothing else.
    const date = zip.file('mimetype')!.date;
    expect([date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]).toEqual([2024, 10, 24, 13, 45, 30]);
  });

  it('compresses text (DEFLATE) and clamps a date before 1980 to 1980', async () => {
    const zip = await packEpub(ENTRIES, new Date(0));
    expect(zip.length).toBeLessThan((ENTRIES[0].data as string).length);
    expect((await JSZip.loadAsync(zip)).file('mimetype')!.date.getUTCFullYear()).toBe(1980);
  });

  it('packs an entry given packed (deflated, its size and CRC-32) as the bytes it was packed from', async () => {
    const packed = ENTRIES.map((e) => ({ path: e.path, data: packedData(entryBytes(e.data), deflateEntry(entryBytes(e.data))) }));
    expect(Buffer.compare(await packEpub(packed, DATE), await packEpub(ENTRIES, DATE))).toBe(0);
    // A wrong size is written as given: the packer takes packed data at its word.
    const wrong = [{ ...packed[0], data: { ...packed[0].data, size: packed[0].data.size + 1 } }, ...packed.slice(1)];
    expect(Buffer.compare(await packEpub(wrong, DATE), await packEpub(ENTRIES, DATE))).not.toBe(0);
  });

  it('refuses a mimetype among the entries: the packer writes it', async () => {
    await expect(packEpub([{ path: 'mimetype', data: 'x' }], DATE)).rejects.toThrow(/mimetype is written by the packer/);
  });
});
