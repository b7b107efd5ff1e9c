/**
 * The preview follows fonts.json too: another face for a role sets the pages again with it; a
 * broken fonts.json shows its error (and the build count goes on) over the last good pages.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFontsDir } from '../../src/fonts/index.js';
import { startPreview, type PreviewState } from '../../src/preview/index.js';
import { JUMP } from '../helpers/runs.js';

const WAIT_MS = 15_000;
const tmp = mkdtempSync(join(tmpdir(), 'banmian-preview-fonts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('banmian preview and fonts.json', () => {
  it('sets the pages again when fonts.json changes, and shows a broken one as an error', async () => {
    const dir = join(tmp, 'edition');
    const fontsDir = join(tmp, 'fonts');
    cpSync(JUMP, dir, { recursive: true });
    mkdirSync(fontsDir);
    const config = join(fontsDir, 'fonts.json');
    writeFileSync(config, readFileSync(join(bundledFontsDir(), 'fonts.json')));
    const states: PreviewState[] = [];
    const preview = await startPreview(dir, { port: 0, fontsDir, onBuild: (s) => states.push(s) });
    const until = async (n: number): Promise<PreviewState> => {
      const started = Date.now();
      while (states.length < n) {
        if (Date.now() - started > WAIT_MS) throw new Error(`no build ${n}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return states[n - 1];
    };
    try {
      const first = await until(1);
      const json = JSON.parse(readFileSync(config, 'utf8')) as { roles: Record<string, string[]> };
      json.roles.body = ['hei', 'song'];
      writeFileSync(config, JSON.stringify(json, null, 2));
      const second = await until(2);
      expect(second.build).toBe(first.build + 1);
      expect(second.error).toBeUndefined();
      expect(second.pages.map((p) => p.version)).not.toEqual(first.pages.map((p) => p.version));
      writeFileSync(config, '{ "faces": ');
      const third = await until(3);
      expect(third.build).toBe(second.build + 1);
      expect(third.error).toMatch(/fonts\.json:1: fonts\.json is not valid JSON/);
      expect(third.pages).toEqual(second.pages);
      const served = (await (await fetch(`${preview.url}state`)).json()) as PreviewState;
      expect(served.error).toBe(third.error);
    } finally {
      await preview.close();
    }
  }, 60_000);
});
