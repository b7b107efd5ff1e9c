/** The files a build can write: the print PDF and the EPUB 3. */
export type OutputFormat = 'pdf' | 'epub';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'epub'];
