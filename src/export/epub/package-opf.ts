import { createRequire } from 'node:module';
import { escapeAttr, escapeText } from './xml.js';

/** Publication metadata for the package document. */
export interface PackageMetadata {
  /** `urn:uuid:…` (see contentIdentifier). */
  readonly identifier: string;
  readonly title: string;
  readonly language: string;
  /** Paper name: creator and publisher. */
  readonly publisher: string;
  readonly description: string;
  /** Publication date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Last modification, written as `dcterms:modified` (`YYYY-MM-DDThh:mm:ssZ`). */
  readonly modified: Date;
  /** Extra `<meta>` lines (accessibility.ts), written as they are. */
  readonly extra?: readonly string[];
  /** The print edition the page list follows, e.g. `人民日报 2024-11-24`: `dc:source` refined as `source-of pagination`. */
  readonly printSource?: string;
}

/** A manifest entry. */
export interface ManifestItem {
  readonly id: string;
  /** Path relative to the package document. */
  readonly href: string;
  readonly mediaType: string;
  readonly properties?: string;
}

/**
 * The EPUB 3 package document (`package.opf`). `itemrefs` are the ids of the spine items in
 * reading order; `rtl` makes pages turn right to left (vertical writing). `xml:lang` is set
 * on the package itself, so every metadata string is tagged.
 */
export function buildPackage(
  meta: PackageMetadata,
  manifest: readonly ManifestItem[],
  itemrefs: readonly string[],
  options: { readonly rtl?: boolean } = {},
): string {
  const lang = escapeAttr(meta.language);
  const cover = manifest.filter((item) => item.properties?.split(' ').includes('cover-image')).slice(0, 1);
  const items = manifest.map(
    (item) =>
      `    <item id="${escapeAttr(item.id)}" href="${escapeAttr(item.href)}" media-type="${escapeAttr(item.mediaType)}"` +
      `${item.properties ? ` properties="${escapeAttr(item.properties)}"` : ''}/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${lang}">`,
    '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `    <dc:identifier id="pub-id">${escapeText(meta.identifier)}</dc:identifier>`,
    `    <dc:title>${escapeText(meta.title)}</dc:title>`,
    `    <dc:language>${escapeText(meta.language)}</dc:language>`,
    `    <dc:creator>${escapeText(meta.publisher)}</dc:creator>`,
    `    <dc:publisher>${escapeText(meta.publisher)}</dc:publisher>`,
    `    <dc:date>${escapeText(meta.date)}</dc:date>`,
    `    <dc:description>${escapeText(meta.description)}</dc:description>`,
    `    <meta property="dcterms:modified">${formatModified(meta.modified)}</meta>`,
    ...(meta.printSource
      ? [`    <dc:source id="print-source">${escapeText(meta.printSource)}</dc:source>`, '    <meta refines="#print-source" property="source-of">pagination</meta>']
      : []),
    ...(meta.extra ?? []),
    // The EPUB 2 way of naming the cover image, still read by some reading systems (Kindle).
    ...cover.map((item) => `    <meta name="cover" content="${escapeAttr(item.id)}"/>`),
    '  </metadata>',
    '  <manifest>',
    ...items,
    '  </manifest>',
    options.rtl ? '  <spine page-progression-direction="rtl">' : '  <spine>',
    ...itemrefs.map((id) => `    <itemref idref="${escapeAttr(id)}"/>`),
    '  </spine>',
    '</package>',
    '',
  ].join('\n');
}

/** `dcterms:modified` needs whole seconds in UTC: `2024-11-24T08:00:00Z`. */
export function formatModified(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('EPUB: options.modified is not a valid date');
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** What the identifier's SHA-256 is taken over, in order: strings as UTF-8, bytes as they are. */
export type DigestParts = readonly (string | Uint8Array)[];

/** SHA-256 of `parts` in order: here, or elsewhere (the font thread, subset-thread.ts), the same bytes. */
export type Digester = (parts: DigestParts) => Promise<Uint8Array>;

/**
 * SHA-256 here. Node's crypto module is loaded at the first call, not with the book's code: a
 * book whose identifier is worked out elsewhere does not load it on this thread.
 */
export const digestHere: Digester = async (parts) => {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/**
 * What a stable `urn:uuid:` for the edition is worked out from: the slug and the given content
 * files (name and bytes, in the given order). Same content → same identifier; the modification
 * date is not part of it.
 */
export function identifierParts(slug: string, files: ReadonlyArray<{ readonly name: string; readonly data: string | Uint8Array }>): DigestParts {
  const parts: (string | Uint8Array)[] = [`banmian-epub\0${slug}\0`];
  for (const file of files) parts.push(`${file.name}\0`, file.data, '\0');
  return parts;
}

/** The `urn:uuid:` of a SHA-256 over identifierParts: cut to 128 bits and marked as an RFC 9562 version 8 ("custom") UUID. */
export function identifierOf(digest: Uint8Array): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
