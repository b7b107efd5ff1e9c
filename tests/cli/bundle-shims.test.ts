/**
 * The stand-ins the bundle puts in place of modules (scripts/shims/): each answers as the
 * module it stands for does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { ROOT } from '../helpers/tools.js';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
type Decompress = (buffer: Uint8Array, outSize?: number) => Uint8Array;
interface Cipher {
  encrypt(data: Uint8Array): Uint8Array;
}
interface Aes {
  cbc(key: Uint8Array, iv: Uint8Array): Cipher;
  ecb(key: Uint8Array, options?: { disablePadding?: boolean }): Cipher;
}

const require = createRequire(import.meta.url);
const shim = (name: string): unknown => require(join(ROOT, 'scripts/shims', name));
const tinyInflate = require('tiny-inflate') as Inflate;
const inflate = shim('tiny-inflate.cjs') as Inflate;

/** unicode-trie's own packing: a header of 12 bytes (the length at 8), then the data deflated twice. */
function trieData(file: string): { packed: Uint8Array; length: number } {
  const bytes = readFileSync(file);
  return { packed: bytes.subarray(12), length: bytes.readUInt32LE(8) };
}

describe('the tiny-inflate stand-in', () => {
  it('unpacks fontkit’s shaping data exactly as tiny-inflate does, the short first pass included', () => {
    const { packed, length } = trieData(join(ROOT, 'node_modules/fontkit/src/opentype/shapers/use.trie'));
    const theirs = tinyInflate(tinyInflate(packed, new Uint8Array(length)), new Uint8Array(length));
    const firstPass = inflate(packed, new Uint8Array(length));
    expect(firstPass.length).toBeLessThan(length);
    const ours = inflate(firstPass, new Uint8Array(length));
    expect(ours.length).toBe(length);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it('fills and returns the given array when the data fills it', () => {
    const data = Buffer.from('党建引领，基层治理'.repeat(50));
    const dest = new Uint8Array(data.length);
    expect(inflate(deflateRawSync(data), dest)).toBe(dest);
    expect(Buffer.from(dest).equals(data)).toBe(true);
  });

  it('refuses data longer than the array, as tiny-inflate cannot hold it', () => {
    expect(() => inflate(deflateRawSync(Buffer.alloc(100, 1)), new Uint8Array(10))).toThrow('Data error');
  });
});

describe('the base64-js stand-in', () => {
  type Base64 = { toByteArray(text: string): Uint8Array; fromByteArray(bytes: Uint8Array): string };
  const real = require('base64-js') as Base64;
  const native = shim('base64-js.cjs') as Base64;

  it('decodes linebreak’s and unicode-properties’ data, and short strings, as base64-js does, each into an array of its own', () => {
    const packaged = ['node_modules/linebreak/dist/module.mjs', 'node_modules/unicode-properties/dist/module.mjs'].map((file) => /toByteArray\("([^"]*)"\)/.exec(readFileSync(join(ROOT, file), 'utf8'))![1]);
    for (const text of [...packaged, '', 'AA==', 'AAB+/w==', real.fromByteArray(new Uint8Array([1, 2, 3, 250, 251]))]) {
      const ours = native.toByteArray(text);
      expect(ours).toEqual(real.toByteArray(text));
      // A plain array at the start of its own memory, not a view into Node's pool.
      expect(Buffer.isBuffer(ours)).toBe(false);
      expect(ours.byteOffset).toBe(0);
      expect(ours.buffer.byteLength).toBe(ours.length);
    }
    expect(packaged.every((text) => text.length > 1000)).toBe(true);
  });

  it('refuses a string whose length is not a multiple of 4, as base64-js does', () => {
    expect(() => real.toByteArray('AAB')).toThrow('multiple of 4');
    expect(() => native.toByteArray('AAB')).toThrow('multiple of 4');
  });

  it('encodes with base64-js itself', () => {
    expect(native.fromByteArray).toBe(real.fromByteArray);
  });
});

describe('the stand-ins loaded at their first call', () => {
  it('encrypt with AES as @noble/ciphers does', () => {
    const real = require('@noble/ciphers/aes') as Aes;
    const lazy = shim('noble-aes.cjs') as Aes;
    const key = new Uint8Array(16).map((_, i) => i * 7);
    const iv = new Uint8Array(16).map((_, i) => 255 - i);
    const data = new TextEncoder().encode('版面 banmian');
    expect(lazy.cbc(key, iv).encrypt(data)).toEqual(real.cbc(key, iv).encrypt(data));
    expect(lazy.ecb(key).encrypt(data)).toEqual(real.ecb(key).encrypt(data));
  });

  it('spawn for commander, the one function of child_process commander calls', async () => {
    const used = new Set(readFileSync(join(ROOT, 'node_modules/commander/lib/command.js'), 'utf8').match(/childProcess\.\w+/g));
    expect([...used]).toEqual(['childProcess.spawn']);
    const { spawn } = shim('child-process.cjs') as typeof import('node:child_process');
    const code = await new Promise<number | null>((done) => spawn(process.execPath, ['-e', 'process.exit(3)']).on('exit', done));
    expect(code).toBe(3);
  });

  it('decompress Brotli as the brotli package does', () => {
    const text = Buffer.from('版面'.repeat(200));
    const decompress = shim('brotli-decompress.cjs') as Decompress;
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);
  });
});

describe('the zod locales stand-in', () => {
  it('gives zod’s English, the one locale the bundle keeps, and nothing of banmian asks for another', async () => {
    const { en } = (await import(join(ROOT, 'scripts/shims/zod-locales.mjs'))) as { en: unknown };
    const { locales } = await import('zod/mini');
    expect(en).toBe(locales.en);
    let english = 0;
    for (const file of ['src', 'tests'].flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(ROOT, dir, f)))) {
      if (!file.endsWith('.ts') || file.endsWith('bundle-shims.test.ts')) continue;
      const code = readFileSync(file, 'utf8');
      english += code.split('z.config(z.locales.en());').length - 1;
      // English is set where a schema is made; no other locale is asked for.
      expect(code.replaceAll('z.config(z.locales.en());', ''), file).not.toMatch(/\blocales\b/);
    }
    expect(english).toBe(2);
  });
});

describe('the entity decoder’s tables, made from their strings natively (scripts/utf16-tables.mjs)', () => {
  const GENERATED = join(ROOT, 'node_modules/markdown-it/node_modules/entities/lib/esm/generated');
  /** A module's default export, the module given as its code. */
  const defaultOf = async (code: string): Promise<Uint16Array> => ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: Uint16Array }).default;

  it('are the arrays the package makes, on this machine and the other way round', async () => {
    const { fastUtf16Tables } = (await import(join(ROOT, 'scripts/utf16-tables.mjs'))) as { fastUtf16Tables: (code: string) => string };
    for (const name of ['decode-data-html.js', 'decode-data-xml.js']) {
      const code = readFileSync(join(GENERATED, name), 'utf8');
      const fast = fastUtf16Tables(code);
      expect(fast, name).not.toMatch(/\.split\(""\)/);
      const theirs = await defaultOf(code);
      expect(theirs.length).toBeGreaterThan(10);
      expect(await defaultOf(fast)).toEqual(theirs);
      // The unit-by-unit way a big-endian machine takes.
      expect(await defaultOf(fast.replace("__endianness() !== 'LE'", 'true'))).toEqual(theirs);
    }
    // Code without such a table is left as it is.
    expect(fastUtf16Tables('export default 1;')).toBe('export default 1;');
  });
});

describe('pdfkit without the hashes it makes and drops at load (scripts/pdfkit-hashes.mjs)', () => {
  it('loses each throwaway hasher and keeps MD5 and SHA-256, which it uses', async () => {
    const { withoutUnusedHashes, DROPPED_HASHERS, PURE_CONSTANTS } = (await import(join(ROOT, 'scripts/pdfkit-hashes.mjs'))) as {
      withoutUnusedHashes: (code: string) => string;
      DROPPED_HASHERS: string[];
      PURE_CONSTANTS: string[];
    };
    const code = readFileSync(join(ROOT, 'node_modules/pdfkit/js/pdfkit.node.mjs'), 'utf8');
    const edited = withoutUnusedHashes(code);
    for (const hasher of DROPPED_HASHERS) {
      // Each was made once at load; its class stays for whatever else refers to it.
      expect(code.split(`createHasher(() => new ${hasher}());`).length - 1, hasher).toBe(1);
      expect(edited, hasher).not.toContain(`createHasher(() => new ${hasher}());`);
    }
    for (const constant of PURE_CONSTANTS) expect(edited, constant).toContain(`const ${constant} = /* @__PURE__ */ (() =>`);
    expect(edited).toContain('const md5 = createHasher(() => new MD5());');
    expect(edited).toContain('const sha256 = createHasher(() => new SHA256());');
    // Nothing else changes.
    expect(edited.length).toBe(code.length - DROPPED_HASHERS.reduce((n, h) => n + `createHasher(() => new ${h}());`.length, 0) + PURE_CONSTANTS.length * '/* @__PURE__ */ '.length);
  });
});

describe('fontkit’s class definitions’ ranges read in one loop (scripts/shims/class-range-records.cjs)', () => {
  interface Stream {
    pos: number;
    readonly buffer: Uint8Array;
  }
  interface Decoder {
    decode(stream: Stream, parent: object): unknown;
  }
  interface Restructure {
    DecodeStream: new (buffer: Uint8Array) => Stream;
    Array: new (type: unknown, length: string) => Decoder;
    Struct: new (fields: Record<string, unknown>) => Decoder;
    uint16: unknown;
  }
  interface Range {
    readonly start: number;
    readonly end: number;
    readonly class: number;
  }
  /** A decoded ClassDef as fontkit gives it, with restructure's hidden offset of where it began. */
  interface ClassDef {
    readonly version: number;
    readonly classRangeCount: number;
    readonly classRangeRecord: readonly Range[];
    readonly _startOffset: number;
  }
  interface Subtable {
    readonly classDef1?: ClassDef;
    readonly classDef2?: ClassDef;
  }
  interface Lookups {
    readonly length: number;
    get(index: number): { readonly subTables: readonly (Subtable & { readonly extension?: Subtable })[] };
  }
  type ClassRanges = (arrayType: Restructure['Array'], recordType: unknown, lengthField: string) => Decoder;

  // restructure as fontkit loads it (it is fontkit's dependency, not banmian's).
  const r = createRequire(require.resolve('fontkit'))('restructure') as Restructure;
  const { classRangeRecords } = shim('class-range-records.cjs') as { classRangeRecords: ClassRanges };
  const record = new r.Struct({ start: r.uint16, end: r.uint16, class: r.uint16 });
  const ranges = classRangeRecords(r.Array, record, 'classRangeCount');
  const plain = (list: readonly Range[]): Range[] => list.map(({ start, end, class: c }) => ({ start, end, class: c }));

  it('gives the ranges fontkit’s own reading gives, for every face banmian sets', () => {
    const fonts = loadFontBook();
    let compared = 0;
    for (const face of new Set([...fonts.faces.values()].map((f) => f.font))) {
      const font = face as unknown as { GDEF?: { glyphClassDef?: ClassDef; markAttachClassDef?: ClassDef }; GPOS?: { lookupList: Lookups }; stream: Stream };
      // The pair kerning's classes (PairPos format 2, most of them in an extension subtable) and GDEF's.
      const lookups = font.GPOS?.lookupList;
      const subtables = Array.from({ length: lookups?.length ?? 0 }, (_, i) => lookups!.get(i).subTables.map((t) => t.extension ?? t)).flat();
      for (const classDef of [font.GDEF?.glyphClassDef, font.GDEF?.markAttachClassDef, ...subtables.flatMap((t) => [t.classDef1, t.classDef2])]) {
        if (classDef?.version !== 2) continue;
        const stream = new r.DecodeStream(font.stream.buffer);
        // After the format and the count, both uint16.
        stream.pos = classDef._startOffset + 4;
        expect(ranges.decode(stream, { classRangeCount: classDef.classRangeCount })).toEqual(plain(classDef.classRangeRecord));
        expect(stream.pos).toBe(classDef._startOffset + 4 + 6 * classDef.classRangeCount);
        compared += classDef.classRangeCount;
      }
    }
    // Some 1,300 ranges a face.
    expect(compared).toBeGreaterThan(5000);
  });

  it('reads ranges that run past the data as restructure does: it throws', () => {
    const bytes = new Uint8Array([0, 1, 0, 2, 0, 3, 0, 4]);
    const at = (): Stream => new r.DecodeStream(bytes);
    expect(ranges.decode(at(), { classRangeCount: 1 })).toEqual([{ start: 1, end: 2, class: 3 }]);
    expect(() => ranges.decode(at(), { classRangeCount: 2 })).toThrow();
    expect(() => new r.Array(record, 'classRangeCount').decode(at(), { classRangeCount: 2 })).toThrow();
  });

  it('is what the bundle’s fontkit reads them with', () => {
    const bundle = readFileSync(join(ROOT, 'dist/bundle/cli.js'), 'latin1');
    // Local names are shortened in the bundle (scripts/bundle.mjs); the stand-in's export is not.
    expect(bundle).toMatch(/classRangeRecord:[\w$]+\(\)\.classRangeRecords\(/);
  });
});

describe('the linkify-it stand-in, made at its first use', () => {
  interface Linkify {
    test(text: string): boolean;
    pretest(text: string): boolean;
    match(text: string): { url: string; index: number; lastIndex: number }[] | null;
    matchAtStart(text: string): { url: string } | null;
    set(options: { fuzzyLink?: boolean }): Linkify;
  }
  type LinkifyClass = new (schemas?: object, options?: object) => Linkify;

  it('answers as linkify-it does, its options and chained calls included', async () => {
    const Real = (await import('linkify-it')).default as unknown as LinkifyClass;
    const Lazy = (await import(join(ROOT, 'scripts/shims/linkify-it.mjs'))).default as LinkifyClass;
    const texts = ['见 https://www.people.com.cn/n1/2024/1124 报道', 'mailto:editor@example.com', 'example.com 与 www.gov.cn', '没有链接的正文'];
    for (const [schemas, options] of [[undefined, undefined], [{}, { fuzzyLink: false }]] as const) {
      const real = new Real(schemas, options);
      const lazy = new Lazy(schemas, options);
      for (const text of texts) {
        expect(lazy.test(text)).toBe(real.test(text));
        expect(lazy.pretest(text)).toBe(real.pretest(text));
        expect(lazy.match(text)).toEqual(real.match(text));
        expect(lazy.matchAtStart(text)).toEqual(real.matchAtStart(text));
      }
    }
    const lazy = new Lazy().set({ fuzzyLink: false });
    expect(lazy.test('example.com')).toBe(new Real().set({ fuzzyLink: false }).test('example.com'));
  });

  it('is what the bundle’s markdown-it makes', () => {
    const bundle = readFileSync(join(ROOT, 'dist/bundle/cli.js'), 'latin1');
    // markdown-it's linkify is made by a function (its name shortened in the bundle) that makes
    // the real one at its first use and hands it a Proxy: the stand-in's shape.
    const made = /this\.linkify=new ([\w$]+)(?=[,;(])/.exec(bundle);
    expect(made).not.toBeNull();
    const name = made![1].replace(/\$/g, '\\$');
    const id = '[\\w$]+';
    expect(bundle).toMatch(new RegExp(`function ${name}\\(${id},${id}\\)\\{let ${id},${id}=\\(\\)=>${id}\\?\\?=new ${id}\\(${id},${id}\\);return new Proxy\\(\\{\\},`));
  });
});

describe('unicode tries made at their first lookup (scripts/lazy-tries.mjs)', () => {
  type WithLazyTries = (code: string, expected: number, file?: string) => string;
  const load = async (): Promise<WithLazyTries> => ((await import(join(ROOT, 'scripts/lazy-tries.mjs'))) as { withLazyTries: WithLazyTries }).withLazyTries;
  /** A module as parcel writes one: a trie class imported, one trie made as it loads, looked up by a function. */
  const MODULE = [
    'let made = 0;',
    'class Trie { constructor(data) { made++; this.data = data; } get(codePoint) { return codePoint + this.data; } }',
    'const $a$unicodetrie = Trie;',
    'const $b$var$trie = new (0, $a$unicodetrie)((0, $c$toByteArray)("AAAB+/="));',
    'function $b$export$category(codePoint) { return $b$var$trie.get(codePoint); }',
    'return { made: () => made, category: $b$export$category };',
  ].join('\n');

  it('makes the trie at the first lookup, once, and answers as it did', async () => {
    const withLazyTries = await load();
    const run = (code: string): { made: () => number; category: (c: number) => number } => new Function('$c$toByteArray', code)((s: string) => s.length) as never;
    const eager = run(MODULE);
    const lazy = run(withLazyTries(MODULE, 1));
    expect(eager.made()).toBe(1);
    expect(lazy.made()).toBe(0);
    expect(lazy.category(0x4e2d)).toBe(eager.category(0x4e2d));
    expect(lazy.category(65)).toBe(eager.category(65));
    expect(lazy.made()).toBe(1);
  });

  it('finds fontkit’s three and unicode-properties’ one, and refuses what it cannot make lazy', async () => {
    const withLazyTries = await load();
    const fontkit = readFileSync(require.resolve('fontkit').replace(/main\.cjs$/, 'module.mjs'), 'utf8');
    const properties = readFileSync(join(dirname(require.resolve('unicode-properties')), 'module.mjs'), 'utf8');
    expect(withLazyTries(fontkit, 3)).not.toBe(fontkit);
    expect(withLazyTries(properties, 1)).not.toBe(properties);
    expect(() => withLazyTries(MODULE, 2)).toThrow('expected 2 unicode tries');
    expect(() => withLazyTries(`${MODULE}\nexport const leaked = $b$var$trie;`, 1)).toThrow('used otherwise than by get()');
  });
});

describe('markdown-it’s entities, its decoder module alone (scripts/bundle.mjs)', () => {
  type Decode = (text: string) => string;
  const fromMarkdownIt = createRequire(require.resolve('markdown-it'));
  const TEXTS = ['&amp; &lt;b&gt; &quot;引号&quot;', '&copy;2024 &nbsp;&mdash;&hellip;', '&#x4E2D;&#25991; &#0; &#xD800;', '&amp &ampx; &notin; &notit; &unknown;', '无实体的正文'];

  it('decodes as the package’s index does', () => {
    const index = fromMarkdownIt('entities') as Record<string, Decode>;
    const decoder = fromMarkdownIt('entities/lib/decode.js') as Record<string, Decode>;
    for (const name of ['decodeHTML', 'decodeHTMLStrict']) {
      for (const text of TEXTS) expect(decoder[name](text), `${name} ${text}`).toBe(index[name](text));
    }
    expect(decoder.decodeHTML('&amp;&#x4E2D;')).toBe('&中');
  });

  it('is what the bundle holds: the decoder’s tables, not the encoder’s map', () => {
    const bundle = readFileSync(join(ROOT, 'dist/bundle/cli.js'), 'latin1');
    expect(bundle).not.toContain('&NewLine;');
    // The decoder's states, by name (an enum of entities' decode.js).
    expect(bundle).toContain('NumericStart');
  });
});

describe('markdown-it-attrs skipping the tokens no pattern can match at (scripts/attrs-prefilter.mjs)', () => {
  type Plugin = (md: MarkdownIt, options: object) => void;
  const OPTIONS = { leftDelimiter: '{', rightDelimiter: '}' };
  /** Sources using every pattern of the plugin, and a page of the sample edition. */
  const SOURCES = [
    '```python {.cls data-x=1}\nprint(1)\n```\n',
    'bla `click()`{.c} ![](img.png){.d} and more\n',
    '*emph*{.x} __strong__{#y} text {.end}\n',
    '| A | B |\n| -- | -- |\n| 1 | 2 |\n\n{.tbl}\n',
    '| A | B | C | D |\n| -- | -- | -- | -- |\n| 1 | 11 | 111 | 1111 {rowspan=3} |\n| 2 {colspan=2 rowspan=2} | 22 | 222 | 2222 |\n| 3 | 33 | 333 | 3333 |\n',
    '| A | B |\n| -- | -- |\n| 1 | 2 |\n',
    '- item\n{.a}\n- item {.b}\n\n  {.c}\n\n- last\n',
    'paragraph line\n{.after-softbreak}\n',
    '--- {.hr}\n',
    'text \\{.escaped} and {.real}\n',
    'no attributes at all, only text\n\n> a quote\n\n1. one\n2. two\n',
    readFileSync(join(ROOT, 'content', readdirSync(join(ROOT, 'content')).find((f) => f.endsWith('.md'))!), 'utf8'),
  ];

  it('finds the loop once and parses every page to the same tokens', async () => {
    const { withAttrsPrefilter } = (await import(join(ROOT, 'scripts/attrs-prefilter.mjs'))) as { withAttrsPrefilter: (code: string, shim: string) => string };
    const file = require.resolve('markdown-it-attrs');
    const code = readFileSync(file, 'utf8');
    const edited = withAttrsPrefilter(code, join(ROOT, 'scripts/shims/attrs-prefilter.cjs'));
    expect(edited).not.toBe(code);
    expect(() => withAttrsPrefilter('module.exports = 1;', 'x')).toThrow('expected one loop over the tokens');
    // The edited plugin, loaded as a module of its own folder (its `require('./patterns.js')`).
    const module = { exports: {} as unknown };
    const fileRequire = createRequire(file);
    new Function('module', 'exports', 'require', edited)(module, module.exports, fileRequire);
    const theirs = new MarkdownIt().use(require('markdown-it-attrs') as Plugin, OPTIONS);
    const ours = new MarkdownIt().use(module.exports as Plugin, OPTIONS);
    for (const source of SOURCES) expect(JSON.stringify(ours.parse(source, {})), source.slice(0, 40)).toBe(JSON.stringify(theirs.parse(source, {})));
    // The sources use the attributes: without the plugin they parse otherwise.
    expect(SOURCES.filter((s) => JSON.stringify(new MarkdownIt().parse(s, {})) !== JSON.stringify(theirs.parse(s, {}))).length).toBeGreaterThanOrEqual(SOURCES.length - 2);
  });
});
