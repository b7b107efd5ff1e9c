/**
 * `banmian preview`: an edition's pages in the browser, set again on every save (session.ts),
 * served on 127.0.0.1 (server.ts) to a page that follows the builds (viewer.ts).
 */
import { basename, resolve } from 'node:path';
import { loadFontBook, type FontBook } from '../fonts/index.js';
import { ContentError } from '../model/index.js';
import { PreviewServer } from './server.js';
import { PreviewSession, type PreviewState } from './session.js';
import { EditionWatcher } from './watch.js';

export type { PreviewState } from './session.js';

export interface PreviewOptions {
  /** Port on 127.0.0.1; 0 for any free one. */
  readonly port: number;
  /** Folder with fonts.json (as `build --fonts`). */
  readonly fontsDir?: string;
  /** Told after every build (the command line prints a line). */
  readonly onBuild?: (state: PreviewState) => void;
}

export interface Preview {
  readonly url: string;
  /** Resolves once the build a change started has been announced (for tests and tools). */
  settled(): Promise<PreviewState>;
  close(): Promise<void>;
}

/** Start the preview of `dir`: a first build, the server, the watcher. */
export async function startPreview(dir: string, options: PreviewOptions): Promise<Preview> {
  const editionDir = resolve(dir);
  let fonts: FontBook = loadFontBook(options.fontsDir);
  let session = new PreviewSession(editionDir, fonts);
  const server = new PreviewServer(session, basename(editionDir));
  // The port first: a taken port is said before any work.
  const port = await server.listen(options.port);
  let last = await session.rebuild();
  server.announce(last);
  options.onBuild?.(last);
  // One build at a time; changes during a build start one more after it.
  let running: Promise<PreviewState> = Promise.resolve(last);
  let again = false;
  const rebuild = (reloadFonts: boolean): void => {
    if (reloadFonts) {
      try {
        fonts = loadFontBook(options.fontsDir);
        session = new PreviewSession(editionDir, fonts, session.count());
        server.use(session);
      } catch (err) {
        if (!(err instanceof ContentError)) throw err;
        last = session.fail(err.format());
        server.announce(last);
        options.onBuild?.(last);
        return;
      }
    }
    if (again) return;
    again = true;
    running = running.then(async () => {
      again = false;
      try {
        last = await session.rebuild();
      } catch (err) {
        // A bug in banmian, not in the page: say so over the last good pages, and keep watching.
        last = { ...last, error: `internal error (a bug in banmian; please report it): ${err instanceof Error ? err.message : String(err)}` };
      }
      server.announce(last);
      options.onBuild?.(last);
      return last;
    });
  };
  const watcher = new EditionWatcher(editionDir, fonts.dir, (kinds) => rebuild(kinds.has('fonts')));
  return {
    url: `http://127.0.0.1:${port}/`,
    settled: () => running,
    async close() {
      watcher.close();
      await running.catch(() => undefined);
      await server.close();
    },
  };
}
