// zod's classic API re-exports every one of its locales (`z.locales`): some forty modules of
// error messages, each set up when the bundle starts (8 ms at every start). banmian words its
// own messages and chooses no locale; zod sets English, the default, from its own module. So
// the bundle's `z.locales` holds English alone.
export { default as en } from 'zod/v4/locales/en.js';
