/** banmian's library API. */
export { buildEdition, typesetEdition, checkEditionDir, OUTPUT_FORMATS, type BuildOptions, type BuildResult, type CheckDirOptions, type LayoutReport, type OutputFormat, type Typeset } from './pipeline.js';
export { checkEdition, AuditError, type CheckReport, type CheckFigures, type Finding, type FindingCode, type Severity } from './check/index.js';
export { parseEdition, KnownImages, KnownPages } from './parse/index.js';
export { loadFontBook, type FontBook } from './fonts/index.js';
export { itemizeEdition, normalizePunctuation, KnownLayouts, KnownWords, type KnownText } from './text/index.js';
export { breakLines } from './linebreak/index.js';
export { composePages } from './compose/index.js';
export { renderPages } from './render/index.js';
export { writePdf } from './export/pdf/index.js';
export { KnownFontPrograms } from './export/pdf/known-font-programs.js';
export { KnownBookFonts } from './export/epub/known-book-fonts.js';
export { writeEpub } from './export/epub/index.js';
export { traceOps } from './export/trace/index.js';
export { writeSvgPages, type SvgPage } from './export/svg/index.js';
// For a caller that ends its process after a build: pass one as `threads`, then await its stopAll() (live-threads.ts).
export { LiveThreads } from './live-threads.js';
export { startPreview, type Preview, type PreviewOptions, type PreviewState } from './preview/index.js';
export * from './model/index.js';
