/**
 * One Typst build, as a process of its own for the bench to time: `node typst-run.cjs IN.typ
 * OUT.pdf FONT_FILE…`. Only the fonts given are used (no system fonts), as banmian uses only
 * fonts.json's. Prints the process's peak memory, CPU time and page faults, as the bench's
 * probe does for banmian. CommonJS, as banmian's launcher is: neither process sets Node's ES
 * module loader up, which costs some 10 ms of a start.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { reportUsage } from './process-usage.cjs';
import { TYPST_PACKAGE } from './typst-package.cjs';

interface TypstCompiler {
  pdf(args: { mainFileContent: string }): Buffer;
}
interface TypstModule {
  NodeCompiler: { create(args: { workspace: string; fontArgs: { fontPaths: string[] }[] }): TypstCompiler };
}

const [input, output, ...fontFiles] = process.argv.slice(2);
// The package is optional: required only once the bench has found it installed.
const typst = require(TYPST_PACKAGE) as TypstModule;
const compiler = typst.NodeCompiler.create({ workspace: dirname(input), fontArgs: [{ fontPaths: fontFiles }] });
writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') }));
reportUsage();
