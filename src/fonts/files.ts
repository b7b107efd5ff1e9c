/**
 * Where a build's fonts are: the fonts folder, and the file of a face as fonts.json gives it (a
 * file in the folder, or a file inside an npm package). Light (no font code), so the command
 * line can find the files before the stages load (prefetch.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FaceSpec } from './config.js';

export const CONFIG_NAME = 'fonts.json';
const require = createRequire(import.meta.url);

/** The fonts folder shipped with banmian, used when the working directory has none. */
export function bundledFontsDir(): string {
  return resolve(dirname(new URL(import.meta.url).pathname), '../../fonts');
}

/** The fonts folder of a build: `dir`, else `./fonts` if it has a fonts.json, else banmian's own. */
export function fontsDirOf(dir: string | undefined): string {
  return dir ?? (existsSync(join('fonts', CONFIG_NAME)) ? resolve('fonts') : bundledFontsDir());
}

/** A face's font file, if it is there, and every place looked in (for the error when not). */
export function faceFile(spec: FaceSpec, fontsDir: string): { file?: string; looked: string[] } {
  const looked: string[] = [];
  if (spec.file) {
    const candidate = isAbsolute(spec.file) ? spec.file : join(fontsDir, spec.file);
    looked.push(candidate);
    if (existsSync(candidate)) return { file: candidate, looked };
  }
  if (spec.package) {
    try {
      const pkgDir = dirname(require.resolve(`${spec.package}/package.json`, { paths: [process.cwd(), fontsDir] }));
      const candidate = join(pkgDir, spec.path ?? '');
      looked.push(candidate);
      if (existsSync(candidate)) return { file: candidate, looked };
    } catch {
      looked.push(`npm package ${spec.package} (not installed)`);
    }
  }
  return { looked };
}
