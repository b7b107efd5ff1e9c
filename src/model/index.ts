/** Document model types shared by every stage. */
export * from './document.js';
export { plainText } from './inline.js';
export { ContentError } from './errors.js';
export * from './style.js';
export * from './style-overrides.js';
export * from './rank.js';
export * from './page-size.js';
export { HEAD_ROLES } from './head-roles.js';
export { continuationPages } from './jumps.js';
export * from './language.js';
export * from './colour.js';
export { tableTexts, mapTableTexts } from './table.js';
export { BLANK_SHARE } from './fill.js';
