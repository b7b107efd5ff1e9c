// zod re-exports every one of its locales (`z.locales`): some forty modules of error messages,
// each set up when the bundle starts (8 ms at every start). banmian words its own messages and
// sets English for the rest (parse/edition-schema.ts, fonts/config.ts). So the bundle's
// `z.locales` holds English alone.
export { default as en } from 'zod/v4/locales/en.js';
