/**
 * The kind of run a code cache is made by and kept for (launch.cts): the command, and for a
 * build the formats it makes. A code cache holds the bytecode of every function the run that
 * made it called, and the next run deserialises all of it: a PDF-only build given the cache of
 * a PDF and EPUB build read the book's code too and compiled its own long-edition paths anew (20
 * pages: 1.022 of the time against its own kind's cache, 21 rounds interleaved, per-round
 * median). So each kind keeps a cache of its own.
 *
 * Read from the arguments as given, before the command line parses them: a kind named wrongly
 * (an option written a way this does not read) only costs that run a cache made by another
 * kind, never a wrong file. The kind is part of a file name: anything but lower-case words is
 * `other`.
 *
 * CommonJS, like the launcher, which reads it before any of the command line's code loads.
 */

/** What a command's name must look like to name a kind. */
const COMMAND = /^[a-z]{1,20}$/;
/** What a list of formats must look like. */
const FORMATS = /^[a-z]{1,10}(,[a-z]{1,10}){0,7}$/;
/** The build command, and the kind of a build of the default formats. */
export const BUILD_KIND = 'build';
/** A run whose command or formats this does not read. */
export const OTHER_KIND = 'other';
const FORMAT_OPTION = '--format';
const FORMAT_SHORT = '-f';

/**
 * The value of the option `long` (or its `short` form) in `args`, the last one given, as the
 * command line takes it (`--name value`, `--name=value`, `-s value`, `-svalue`), or undefined
 * when it is not given.
 */
export function optionValue(args: readonly string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    if (arg === long || (short !== undefined && arg === short)) value = args[++i] ?? '';
    else if (arg.startsWith(`${long}=`)) value = arg.slice(long.length + 1);
    else if (short !== undefined && arg.startsWith(short) && !arg.startsWith('--')) value = arg.slice(short.length);
  }
  return value;
}

/**
 * The kind of the run of `banmian ARGS` (`args`: process.argv after the script): `build` (the
 * default formats), `build-epub+pdf` (the formats asked, sorted), `check`, `preview` …, or
 * `other`.
 */
export function runKind(args: readonly string[]): string {
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command === undefined || !COMMAND.test(command)) return OTHER_KIND;
  if (command !== BUILD_KIND) return command;
  const formats = optionValue(args.slice(args.indexOf(command) + 1), FORMAT_OPTION, FORMAT_SHORT);
  if (formats === undefined) return BUILD_KIND;
  const list = formats.replace(/\s+/g, '');
  if (!FORMATS.test(list)) return OTHER_KIND;
  return `${BUILD_KIND}-${[...new Set(list.split(','))].sort().join('+')}`;
}
