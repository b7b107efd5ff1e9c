// Injected into each bundle by scripts/bundle.mjs: `import.meta.url` of every bundled module,
// which is the bundle's own file (the bundles stand where the tsc output stands, two folders down).
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
