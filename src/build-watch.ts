/**
 * `banmian build --watch`: after the first build, each edition is built again whenever one of
 * its files or fonts.json changes, in the same warm process (fonts opened once, again only when
 * fonts.json changes), one build at a time, until the process is stopped (Ctrl-C).
 */
import { EditionWatcher } from './preview/watch.js';

/** Build `dir` again; `reloadFonts` when fonts.json changed. A content error is the callback's to print. */
export type Rebuild = (dir: string, reloadFonts: boolean) => Promise<void>;

export function watchEditions(editions: readonly string[], fontsDir: string, rebuild: Rebuild): void {
  let queue = Promise.resolve();
  const waiting = new Set<string>();
  let fontsChanged = false;
  for (const dir of editions) {
    new EditionWatcher(dir, fontsDir, (kinds) => {
      fontsChanged ||= kinds.has('fonts');
      if (waiting.has(dir)) return;
      waiting.add(dir);
      queue = queue.then(async () => {
        waiting.delete(dir);
        const reload = fontsChanged;
        fontsChanged = false;
        await rebuild(dir, reload);
      });
    });
  }
}
