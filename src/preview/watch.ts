/**
 * Changes to an edition: any file under its folder (page files, edition.yml, photos) and the
 * fonts folder's fonts.json. Editors save in bursts (a temporary file, a rename): changes are
 * gathered for a moment and answered once.
 */
import { watch, type FSWatcher } from 'node:fs';

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
    this.watchers.push(watch(editionDir, { recursive: true }, changed('content')));
    this.watchers.push(watch(fontsDir, (_event, name) => (name === 'fonts.json' ? changed('fonts')() : undefined)));
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
  }
}
