/**
 * The parse stage: an edition folder of Markdown page files → the typed document model.
 *
 * Content problems are ContentErrors naming `file:line` with a hint; see
 * /work/shared/content-format.md for the format.
 */
export { pageFiles, parseEdition } from './edition.js';
export { ImageChecks, type JpegDataCheck } from './image-check.js';
export { KnownImages } from './known-images.js';
export { KnownPages } from './known-pages.js';
export { PageCache } from './page-cache.js';
export { parsePage } from './page.js';
export { keptSlotProblem } from './auto-makeup.js';
