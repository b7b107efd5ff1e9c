/** Fonts stage: font roles -> faces, with fallback chains and cached glyph metrics. */
export { loadFontBook, type FontLoadOptions } from './load.js';
export { bundledFontsDir } from './files.js';
export { sharedFontFiles, type FontFileBytes, type StagedOutlines } from './font-file.js';
export { horizontalAdvance } from './advance.js';
export { fontsForLanguage } from './language.js';
export { FaceIdentities, faceIdentitiesFor, type FaceRecordOptions } from './face-identity.js';
export { FONT_ROLES } from './types.js';
export type { Face, FontBook, FontRole, GlyphMetrics } from './types.js';
