/**
 * `node scripts/bundle.mjs`, run by `npm run compile` after tsc: the command line, the page
 * worker and the EPUB worker each as one CommonJS file in dist/bundle/, which the installed
 * command (dist/launch.cjs) runs with V8's code cache.
 *
 * Why: a cold build spent about 0.4 s finding, reading, compiling and linking the ~300 ES
 * modules of banmian and its packages before any page was set. One file needs no resolution;
 * CommonJS because Node 20 keeps a compiled script's code (vm.Script's cachedData), not an ES
 * module's.
 *
 * The bundles sit two folders under the package, as the tsc output does, so paths found from
 * `import.meta.url` (the fonts folder, the workers beside the command) hold in both.
 */
import { createHash } from 'node:crypto';
import Module from 'node:module';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { withAttrsPrefilter } from './attrs-prefilter.mjs';
import { withLazyTries } from './lazy-tries.mjs';
import { withoutUnusedHashes } from './pdfkit-hashes.mjs';
import { fastUtf16Tables } from './utf16-tables.mjs';

const OUT = 'dist/bundle';
/** What the launcher reads to key its code cache: the bundle's content, not its date. */
const MANIFEST = `${OUT}/manifest.json`;

/**
 * pdfkit loads its standard fonts through `createRequire(import.meta.url)('#standard-fonts/…')`,
 * a package-internal import that resolves only from inside pdfkit: written as plain requires of
 * the exported paths, they are bundled like any other module. The hashes it never uses for
 * banmian are left out (scripts/pdfkit-hashes.mjs).
 */
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => ({
      contents: withoutUnusedHashes(readFileSync(args.path, 'utf8').replace(/require\$1\('#standard-fonts\/(\w+)'\)/g, "require('pdfkit/standard-fonts/$1')")),
      loader: 'js',
    }));
  },
};

/**
 * Modules answered by a stand-in in scripts/shims/ (each says why), for the importers named:
 * pdfkit's AES tables, fontkit's Brotli decoder and commander's child_process, loaded at their
 * first call instead of at every start, markdown-it's linkify-it, made at its first use (never,
 * with linkify off), tiny-inflate and base64-js's decoder, done by Node's zlib and Buffer, and
 * zod's locales, English alone. The stand-ins' own requires reach the real modules.
 */
const SHIMS = [
  { module: '@noble/ciphers/aes', shim: 'scripts/shims/noble-aes.cjs' },
  { module: 'brotli/decompress.js', shim: 'scripts/shims/brotli-decompress.cjs' },
  { module: 'tiny-inflate', shim: 'scripts/shims/tiny-inflate.cjs' },
  { module: 'base64-js', shim: 'scripts/shims/base64-js.cjs' },
  { module: 'linkify-it', shim: 'scripts/shims/linkify-it.mjs', from: `${sep}node_modules${sep}markdown-it${sep}` },
  { module: 'node:child_process', shim: 'scripts/shims/child-process.cjs', from: `${sep}node_modules${sep}commander${sep}` },
  { module: '../locales/index.js', shim: 'scripts/shims/zod-locales.mjs', from: `${sep}node_modules${sep}zod${sep}v4${sep}classic${sep}` },
  { module: '../locales/index.js', shim: 'scripts/shims/zod-locales.mjs', from: `${sep}node_modules${sep}zod${sep}v4${sep}core${sep}` },
  { module: '../locales/index.js', shim: 'scripts/shims/zod-locales.mjs', from: `${sep}node_modules${sep}zod${sep}v4${sep}mini${sep}` },
];
/** The entity decoder's tables made from their strings natively (scripts/utf16-tables.mjs). */
const entityTables = {
  name: 'entity-tables',
  setup(b) {
    b.onLoad({ filter: /[\\/]entities[\\/]lib[\\/]esm[\\/]generated[\\/]decode-data-(html|xml)\.js$/ }, (args) => ({
      contents: fastUtf16Tables(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/**
 * markdown-it takes two decoders from `entities` (decodeHTML, decodeHTMLStrict), but its index
 * loads the encoders too, and the HTML encoder builds a map of 2,100 entities as it loads (some
 * 1.8 ms of every cold start), for nothing: markdown-it's `entities` is its decoder module.
 */
const entitiesDecoder = {
  name: 'entities-decoder',
  setup(b) {
    b.onResolve({ filter: /^entities$/ }, async (args) => {
      if (!args.importer.includes(`${sep}node_modules${sep}markdown-it${sep}lib${sep}`)) return undefined;
      const decoder = await b.resolve('entities/lib/decode.js', { resolveDir: args.resolveDir, kind: args.kind });
      if (decoder.errors.length > 0) throw new Error(`entities/lib/decode.js from ${args.importer}: ${decoder.errors[0].text}`);
      return { path: decoder.path };
    });
  },
};

/**
 * fontkit's class definitions' ranges (ClassDefFormat2) read by scripts/shims/class-range-records.cjs,
 * in one loop over their bytes, not a struct a record. The pattern is fontkit 2.0's bundled
 * module; a fontkit that no longer matches it stops the bundle here rather than run slower.
 */
const FONTKIT_CLASS_RANGES = /new (\$\w+\$Array)\((\$\w+\$var\$ClassRangeRecord), 'classRangeCount'\)/g;
/** The tries fontkit's Arabic, Indic and Universal shapers make as fontkit loads. */
const FONTKIT_TRIES = 3;
const fontkitClassRanges = {
  name: 'fontkit-class-ranges',
  setup(b) {
    b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = source.match(FONTKIT_CLASS_RANGES) ?? [];
      if (found.length !== 1) throw new Error(`${args.path}: expected one ClassRangeRecord array, found ${found.length} (fontkit changed: see scripts/shims/class-range-records.cjs)`);
      const shim = JSON.stringify(resolve('scripts/shims/class-range-records.cjs'));
      // Its shapers' three tries made at their first lookup too (scripts/lazy-tries.mjs).
      return { contents: withLazyTries(source.replace(FONTKIT_CLASS_RANGES, `require(${shim}).classRangeRecords($1, $2, 'classRangeCount')`), FONTKIT_TRIES, args.path), loader: 'js' };
    });
  },
};

/** unicode-properties' trie made at its first lookup (scripts/lazy-tries.mjs). */
const unicodePropertiesTrie = {
  name: 'unicode-properties-trie',
  setup(b) {
    b.onLoad({ filter: /[\\/]unicode-properties[\\/]dist[\\/]module\.mjs$/ }, (args) => ({
      contents: withLazyTries(readFileSync(args.path, 'utf8'), 1, args.path),
      loader: 'js',
    }));
  },
};

/** markdown-it-attrs' rule skips the tokens none of its patterns can match at (scripts/attrs-prefilter.mjs). */
const attrsPrefilter = {
  name: 'attrs-prefilter',
  setup(b) {
    b.onLoad({ filter: /[\\/]markdown-it-attrs[\\/]index\.js$/ }, (args) => ({
      contents: withAttrsPrefilter(readFileSync(args.path, 'utf8'), resolve('scripts/shims/attrs-prefilter.cjs')),
      loader: 'js',
    }));
  },
};

const shims = {
  name: 'shims',
  setup(b) {
    for (const { module, shim, from } of SHIMS) {
      const filter = new RegExp(`^${module.replace(/[./]/g, (c) => `\\${c}`)}$`);
      b.onResolve({ filter }, (args) => (args.importer.includes(`${sep}scripts${sep}shims${sep}`) || (from && !args.importer.includes(from)) ? undefined : { path: resolve(shim) }));
    }
  },
};

/**
 * `code` with every character past ASCII written as \u escapes (UTF-16 units, which a regular
 * expression with or without the u flag reads as the same character). A character escaped
 * already (`\。`, an identity escape) keeps one backslash.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, ch) => {
    const escaped = Array.from({ length: ch.length }, (__, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    // An odd run of backslashes escapes the character: the last of them goes with it.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escaped;
  });
}

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'dist/cli.js', 'page-worker': 'dist/page-worker.js', 'epub-worker': 'dist/epub-worker.js', 'subset-worker': 'dist/subset-worker.js' },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Each module's import.meta.url becomes the bundle's own URL (scripts/import-meta-url.js).
  define: { 'import.meta.url': 'import_meta_url' },
  inject: ['scripts/import-meta-url.js'],
  // pdf.js is an ES module loaded only by `banmian check` on a PDF: it stays where it is, and is
  // loaded by require() (Node 20.19 and later load ES modules so), since a script run from V8's
  // code cache cannot import() in Node 20.
  external: ['pdfjs-dist'],
  supported: { 'dynamic-import': false },
  plugins: [pdfkitStandardFonts, entityTables, entitiesDecoder, fontkitClassRanges, unicodePropertiesTrie, attrsPrefilter, shims],
  // The packages' licence notices stay with their code, at the end of each bundle.
  legalComments: 'eof',
  // Less to read, compile and keep: the sample's build peaked 12 MB lower. Local names are
  // shortened too (the command line's bundle 2.0 → 1.4 MB): a cold start reads, decodes and
  // parses a third less source, and one page took 0.43 → 0.40 s (20 × 2 runs interleaved). A
  // stack, or a profile by function, is read from the modules (BANMIAN_DEBUG, launch.cts).
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  logLevel: 'warning',
});
// esbuild writes ASCII but for characters in regular expressions (。, 第 …). Those are written
// as \u escapes, which match the same: the launcher reads the bundle as Latin-1, and V8 keeps an
// ASCII source in one byte a character, not two (2.8 MB less).
for (const name of ['cli.js', 'page-worker.js', 'epub-worker.js', 'subset-worker.js']) {
  const file = `${OUT}/${name}`;
  writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')));
}
// The command line's bundle is written as the function Node's CommonJS loader would wrap it in
// (its `#!` line made the wrapper's head, so lines keep their numbers): the launcher hands the
// file's text to V8 as it is, where wrapping it made a second string of 2.5 MB that V8 then
// copied into a third. It is run by the launcher only; the workers' bundles are run by Node.
{
  const file = `${OUT}/cli.js`;
  const code = readFileSync(file, 'latin1');
  const [head, tail] = Module.wrap('\u0000').split('\u0000');
  writeFileSync(file, `${head}${code.replace(/^#!.*/, '')}${tail}`, 'latin1');
}
// The bundles are CommonJS inside an ES-module package.
writeFileSync(`${OUT}/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
// The breaker's and the JPEG check's wasm (scripts/wasm.mjs) are part of what a build runs: they key the records too.
const hash = createHash('sha256').update(readFileSync(`${OUT}/cli.js`)).update(readFileSync('dist/wasm/total-fit.wasm')).update(readFileSync('dist/wasm/jpeg-scan.wasm')).digest('hex').slice(0, 16);
writeFileSync(MANIFEST, `${JSON.stringify({ cli: 'cli.js', hash })}\n`);
