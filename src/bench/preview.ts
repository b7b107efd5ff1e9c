/**
 * The editor's loop, timed: a preview of a copy of the sample is started, then one character of
 * its lead is changed again and again; each time, from the save to the moment the browser's
 * event stream brings the new build, and then to the page's SVG fetched. Over HTTP on
 * 127.0.0.1, as the browser gets them (the drawing of the SVG in the browser not included).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { startPreview, type PreviewState } from '../preview/index.js';
import { median } from './cold.js';

const EDITS = 12;
/** Edits not counted: the process's code warms up on the first ones. */
const WARM_EDITS = 3;
const HAN_A = '建';
const HAN_B = '设';

export interface PreviewFigures {
  /** Save → build announced on the event stream, ms (median). */
  readonly announced: number;
  /** Save → the changed page's SVG received, ms (median). */
  readonly fetched: number;
  /** The build alone, ms (median). */
  readonly build: number;
  readonly svgBytes: number;
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** Events of the preview's stream, as they come. */
function listen(url: string, onBuild: (state: PreviewState) => void): () => void {
  const req = get(`${url}events`, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (data) onBuild(JSON.parse(data[1]) as PreviewState);
      }
    });
  });
  return () => req.destroy();
}

export async function previewLatency(sampleDir: string, work: string): Promise<PreviewFigures> {
  const dir = join(work, 'preview');
  // A copy of the files, not of a link to them: the edits below must never reach the sample.
  cpSync(sampleDir, dir, { recursive: true, dereference: true });
  const file = join(dir, readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0]);
  const preview = await startPreview(dir, { port: 0 });
  const states: { state: PreviewState; at: number }[] = [];
  const stop = listen(preview.url, (state) => states.push({ state, at: performance.now() }));
  const announced: number[] = [];
  const fetched: number[] = [];
  const builds: number[] = [];
  let svgBytes = 0;
  try {
    while (states.length === 0) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < EDITS + WARM_EDITS; i++) {
      const text = readFileSync(file, 'utf8');
      const seen = states.length;
      const saved = performance.now();
      // One character of the copy (after the front matter), back and forth.
      const body = text.indexOf('\n---\n') + 1;
      const copy = text.slice(body);
      writeFileSync(file, text.slice(0, body) + (i % 2 === 0 ? copy.replace(HAN_A, HAN_B) : copy.replace(HAN_B, HAN_A)));
      while (states.length === seen) await new Promise((r) => setImmediate(r));
      const { state, at } = states[states.length - 1];
      const svg = await fetchText(`${preview.url}page/${state.pages[0].number}.svg?v=${state.pages[0].version}`);
      if (i < WARM_EDITS) continue;
      announced.push(at - saved);
      fetched.push(performance.now() - saved);
      builds.push(state.ms);
      svgBytes = Buffer.byteLength(svg);
    }
  } finally {
    stop();
    await preview.close();
  }
  return { announced: median(announced), fetched: median(fetched), build: median(builds), svgBytes };
}
