/**
 * The output intent (ISO 15930 / PDF/X, ISO 32000-1 §14.11.5): the printing condition the CMYK
 * was separated for, with the printer's ICC profile embedded, so a preflight or RIP knows what
 * the numbers mean. banmian writes it as told and claims no PDF/X conformance.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** A printing condition as the exporter is given it. */
export interface PdfOutputIntent {
  /** The ICC output profile's bytes (CMYK). */
  readonly profile: Buffer;
  /** Name in the ICC registry of characterized printing conditions, e.g. `ISOnewspaper26v4`. */
  readonly condition: string;
  /** A description for people. */
  readonly info: string;
}

/** The ICC registry that names characterized printing conditions. */
const ICC_REGISTRY = 'http://www.color.org';
/** Colour components of a CMYK profile. */
const CMYK_COMPONENTS = 4;

interface CatalogInternals {
  _root: { data: Record<string, unknown> };
  ref(data?: Record<string, unknown>): { write(data: Buffer): void; end(): void };
}

/** Adds `/OutputIntents [<< /S /GTS_PDFX … /DestOutputProfile … >>]` to the document catalog. */
export function addOutputIntent(doc: Doc, intent: PdfOutputIntent): void {
  const internals = doc as unknown as CatalogInternals;
  const profile = internals.ref({ N: CMYK_COMPONENTS });
  profile.write(intent.profile);
  profile.end();
  const dictionary = internals.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(intent.condition),
    Info: new String(intent.info),
    RegistryName: new String(ICC_REGISTRY),
    DestOutputProfile: profile,
  });
  dictionary.end();
  internals._root.data.OutputIntents = [dictionary];
}
