/** The files a build can write: the print PDF, the EPUB 3, and SVG pages for screens (one file a page). */
export type OutputFormat = 'pdf' | 'epub' | 'svg';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'epub', 'svg'];
/** What a build writes unless asked otherwise. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'epub'];
