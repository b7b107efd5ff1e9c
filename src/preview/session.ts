/**
 * The preview's build: one warm process that sets the edition again on every change and keeps
 * what the browser needs: each page as SVG, plain and with the proof marks (areas outlined and
 * named, overset in red, blank areas tinted: `--proof`), the audit's findings, and the last
 * error. A failed build keeps the last good pages: the browser shows the error over them.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { checkEdition, type Finding } from '../check/index.js';
import { SvgCaches, writeSvgPages } from '../export/svg/index.js';
import type { FontBook } from '../fonts/index.js';
import { applyStyle, ContentError, DEFAULT_STYLE } from '../model/index.js';
import { setPages, type WarmCaches } from '../page-run.js';
import { LineCache } from '../compose/index.js';
import { PageCache, parseEdition } from '../parse/index.js';
import { renderProofPages } from '../render/index.js';
import { makeNoteSetter, TextCache } from '../text/index.js';

/** One page as the browser gets it. */
export interface PreviewPage {
  readonly number: number;
  readonly label: string;
  /** Size in points. */
  readonly width: number;
  readonly height: number;
  readonly svg: string;
  /** The page with the proof marks, drawn when first asked for. */
  proof(): string;
  /** A digest of the page's drawing: the browser fetches a page again only when it changed. */
  readonly version: string;
}

/** A finding with where it is, for the panel: file:line relative to the edition folder. */
export interface PreviewFinding {
  readonly severity: Finding['severity'];
  readonly code: Finding['code'];
  readonly page: number;
  readonly article: string;
  readonly where: string;
  readonly message: string;
  readonly hint: string;
  readonly at?: Finding['at'];
}

/** What the browser is told after each build. */
export interface PreviewState {
  /** Counts the builds that changed anything. */
  readonly build: number;
  readonly title: string;
  readonly pages: readonly Omit<PreviewPage, 'svg' | 'proof'>[];
  readonly findings: readonly PreviewFinding[];
  /** The last build's error (content error as `file:line: what`), over the last good pages. */
  readonly error?: string;
  /** Milliseconds the last build took. */
  readonly ms: number;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export class PreviewSession {
  private pages = new Map<number, PreviewPage>();
  /** Glyph outlines and photos, kept from build to build (the session's fonts do not change). */
  private readonly caches: SvgCaches;
  /** Texts set and lines broken, kept from build to build: an edit sets again only what it changed. */
  private readonly warm: WarmCaches;
  private findings: PreviewFinding[] = [];
  private title = '';
  private error: string | undefined;
  private ms = 0;

  constructor(
    private readonly dir: string,
    private readonly fonts: FontBook,
    /** The builds before this session's (a session follows another when fonts.json changed). */
    private builds = 0,
  ) {
    this.caches = new SvgCaches(fonts);
    this.warm = { pages: new PageCache(), texts: new TextCache(fonts.faces), lines: new LineCache() };
  }

  /** Set the edition again; never throws for what is wrong in the content. */
  async rebuild(): Promise<PreviewState> {
    const started = performance.now();
    try {
      const edition = parseEdition(this.dir, this.warm.pages);
      const style = applyStyle(DEFAULT_STYLE, edition.style);
      const set = setPages(edition, this.fonts, style, undefined, this.warm);
      const audit = await checkEdition({ itemized: set.itemized, composed: set.composed });
      const options = { title: edition.title, language: edition.language };
      const plain = writeSvgPages(set.rendered, this.fonts, options, this.caches);
      const note = makeNoteSetter(this.fonts, style.header, edition.typography);
      this.pages = new Map(
        set.rendered.map((page, i) => {
          const svg = plain[i].svg;
          let proof: string | undefined;
          const composed = set.composed[i];
          const drawProof = (): string => (proof ??= writeSvgPages(renderProofPages([composed], note), this.fonts, options, this.caches)[0].svg);
          return [page.number, { number: page.number, label: page.label, width: page.width, height: page.height, svg, proof: drawProof, version: digest(svg) }];
        }),
      );
      this.findings = audit.findings.map((f) => ({
        severity: f.severity,
        code: f.code,
        page: f.page,
        article: f.article,
        where: `${relative(this.dir, f.source.file) || f.source.file}:${f.source.line}`,
        message: f.message,
        hint: f.hint,
        ...(f.at ? { at: f.at } : {}),
      }));
      this.title = edition.title;
      this.error = undefined;
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      this.error = err.format();
    }
    this.builds++;
    this.ms = performance.now() - started;
    return this.state();
  }

  /** A build that could not start (fonts.json broken): its error over the last good pages. */
  fail(message: string): PreviewState {
    this.error = message;
    this.builds++;
    this.ms = 0;
    return this.state();
  }

  /** Builds so far, for the session that follows this one. */
  count(): number {
    return this.builds;
  }

  state(): PreviewState {
    return {
      build: this.builds,
      title: this.title,
      pages: [...this.pages.values()].map(({ svg: _svg, proof: _proof, ...page }) => page),
      findings: this.findings,
      ...(this.error ? { error: this.error } : {}),
      ms: Math.round(this.ms),
    };
  }

  /** What the warm caches saved so far: texts set again or reused, paragraphs broken or reused. */
  reuse(): { pages: PageCache['counts']; texts: TextCache['counts']; lines: LineCache['counts'] } {
    return { pages: { ...this.warm.pages.counts }, texts: { ...this.warm.texts.counts }, lines: { ...this.warm.lines.counts } };
  }

  /** A page's drawing, plain or with the proof marks. */
  svg(number: number, proof: boolean): string | undefined {
    const page = this.pages.get(number);
    return page ? (proof ? page.proof() : page.svg) : undefined;
  }
}
