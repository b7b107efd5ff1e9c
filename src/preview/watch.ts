/**
 * Changes to an edition: any file under its folder (page files, edition.yml, photos) and the
 * fonts folder's fonts.json. Editors save in bursts (a temporary file, a rename): changes are
 * gathered for a moment and answered once.
 *
 * Each folder is watched itself, not recursively: Node 20's recursive watch on Linux follows
 * files, and loses a file an editor saves by writing a new one and renaming it over the old
 * (`sed -i`, vim, many editors); a folder's watch sees every name in it change.
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** The folder and the folders under it (photos in `images/`), hidden ones and node_modules left out. */
function folders(dir: string): string[] {
  const out = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...folders(join(dir, entry.name)));
  }
  return out;
}

/** How long a burst of saves is gathered before the rebuild (ms). */
export const SETTLE_MS = 40;

export type ChangeKind = 'content' | 'fonts';

export class EditionWatcher {
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<ChangeKind>();

  constructor(editionDir: string, fontsDir: string, onChange: (kinds: ReadonlySet<ChangeKind>) => void) {
    const changed = (kind: ChangeKind) => (): void => {
      this.pending.add(kind);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        const kinds = this.pending;
        this.pending = new Set();
        onChange(kinds);
      }, SETTLE_MS);
    };
    for (const dir of folders(editionDir)) this.watchers.push(watch(dir, changed('content')));
    this.watchers.push(watch(fontsDir, (_event, name) => (name === 'fonts.json' ? changed('fonts')() : undefined)));
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
  }
}
