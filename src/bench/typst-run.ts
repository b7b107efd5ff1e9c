/**
 * One Typst build, as a process of its own for the bench to time: `node typst-run.js IN.typ
 * OUT.pdf FONT_FILE…`. Only the fonts given are used (no system fonts), as banmian uses only
 * fonts.json's. Prints the process's peak memory, as the bench's probe does for banmian.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { TYPST_PACKAGE } from './typst.js';
import { reportPeakMemory } from './peak-memory.js';

interface TypstCompiler {
  pdf(args: { mainFileContent: string }): Buffer;
}
interface TypstModule {
  NodeCompiler: { create(args: { workspace: string; fontArgs: { fontPaths: string[] }[] }): TypstCompiler };
}

const [input, output, ...fontFiles] = process.argv.slice(2);
const typst = createRequire(import.meta.url)(TYPST_PACKAGE) as TypstModule;
const compiler = typst.NodeCompiler.create({ workspace: dirname(input), fontArgs: [{ fontPaths: fontFiles }] });
writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') }));
reportPeakMemory();
