/**
 * The output intent (`print: outputIntent` in edition.yml): the printer's CMYK profile embedded
 * as the catalog's /OutputIntents, checked with qpdf; and the clear errors for a profile that is
 * missing, outside the edition, not ICC, or not CMYK output.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banmian, ROOT, run } from '../helpers/tools.js';

/** A minimal ICC header (ICC.1:2010 §7.2) with no tags: size, class, colour space, signature. */
function iccHeader(deviceClass: string, colourSpace: string): Buffer {
  const bytes = Buffer.alloc(132);
  bytes.writeUInt32BE(132, 0);
  bytes.write('banm', 4, 'latin1');
  bytes.writeUInt32BE(0x04300000, 8); // version 4.3
  bytes.write(deviceClass, 12, 'latin1');
  bytes.write(colourSpace, 16, 'latin1');
  bytes.write('Lab ', 20, 'latin1');
  bytes.write('acsp', 36, 'latin1');
  return bytes;
}

let tmp: string;

function edition(name: string, print: string, files: Record<string, Buffer> = {}): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'tests/fixtures/latin-edition'), dir, { recursive: true });
  writeFileSync(join(dir, 'edition.yml'), `slug: ${name}\ntitle: 测试\nprint:\n${print}`);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

function qpdfJson(file: string): Record<string, unknown> {
  return JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', file]).stdout) as Record<string, unknown>;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'banmian-intent-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an edition with the printer’s output profile', () => {
  const profile = iccHeader('prtr', 'CMYK');
  let pdf: string;

  beforeAll(() => {
    const dir = edition('news', '  outputIntent:\n    profile: profiles/news.icc\n    condition: ISOnewspaper26v4\n    info: 新闻纸冷固印刷\n', { 'profiles/news.icc': profile });
    const r = banmian(['build', dir, '--out', join(tmp, 'out'), '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    pdf = join(tmp, 'out', 'news.pdf');
  });

  it('writes /OutputIntents with GTS_PDFX, the condition, the registry and the profile as given', () => {
    const objects = (qpdfJson(pdf).qpdf as [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>])[1];
    const catalog = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')!.value!;
    const intents = catalog['/OutputIntents'] as string[];
    expect(intents).toHaveLength(1);
    const intent = objects[`obj:${intents[0]}`].value!;
    expect(intent['/S']).toBe('/GTS_PDFX');
    expect(intent['/OutputConditionIdentifier']).toBe('u:ISOnewspaper26v4');
    expect(intent['/Info']).toBe('u:新闻纸冷固印刷');
    expect(intent['/RegistryName']).toBe('u:http://www.color.org');
    const ref = intent['/DestOutputProfile'] as string;
    expect(objects[`obj:${ref}`].stream!.dict['/N']).toBe(4);
    const bytes = run('qpdf', [`--show-object=${ref.split(' ')[0]}`, '--filtered-stream-data', pdf]);
    expect(Buffer.from(bytes.stdout, 'latin1').length).toBe(profile.length);
    expect(run('qpdf', ['--check', pdf]).stdout).toContain('No syntax or stream encoding errors');
  });

  it('leaves the output intent out of an RGB (screen) PDF', () => {
    const r = banmian(['build', join(tmp, 'news'), '--out', join(tmp, 'rgb'), '--format', 'pdf', '--colour', 'rgb']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.stringify(qpdfJson(join(tmp, 'rgb', 'news.pdf')))).not.toContain('OutputIntents');
  });
});

describe('a profile that cannot be used is a clear error naming edition.yml', () => {
  const cases: [string, string, Record<string, Buffer>, RegExp][] = [
    ['missing', '  outputIntent: { profile: profiles/none.icc, condition: X }\n', {}, /profile profiles\/none\.icc is not a file/],
    ['not-icc', '  outputIntent: { profile: p.icc, condition: X }\n', { 'p.icc': Buffer.alloc(200, 1) }, /p\.icc is not an ICC profile/],
    ['rgb', '  outputIntent: { profile: p.icc, condition: sRGB }\n', { 'p.icc': iccHeader('mntr', 'RGB ') }, /is a "mntr" profile in "RGB", not a CMYK output profile/],
    ['no-condition', '  outputIntent: { profile: p.icc }\n', { 'p.icc': iccHeader('prtr', 'CMYK') }, /needs a profile and a condition/],
    ['outside', '  outputIntent: { profile: ../outside.icc, condition: X }\n', {}, /is outside the edition folder/],
  ];

  beforeAll(() => writeFileSync(join(tmp, 'outside.icc'), iccHeader('prtr', 'CMYK')));

  for (const [name, print, files, message] of cases) {
    it(name, () => {
      const r = banmian(['build', edition(name, print, files), '--out', join(tmp, `out-${name}`)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/edition\.yml:3: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('hint:');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
