import canonicalize from "canonicalize";
import type { Language } from "../kernel/values/values.ts";
import type { Finding } from "./completeness/finding.ts";
import { CONTENT_TYPES, type DocumentFormat, type DocumentKind } from "./document-request.ts";
import { TEMPLATE_VERSION } from "../generated/templates.ts";
import { displayText } from "../kernel/i18n/display-text.ts";
import { formatInstant, translate } from "../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "./register-snapshot.ts";
import type { Checkpoint } from "../kernel/audit/checkpoints.ts";
import { renderCsv } from "./render/csv.ts";
import { renderHtml } from "./render/html.ts";
import { type Block, htmlToBlocks } from "./render/pdf/html-blocks.ts";
import type { PdfMeta } from "./render/pdf/render-pdf.ts";
import type { XlsxSheet } from "./render/xlsx.ts";
import { sha256Hex } from "../kernel/secrets/sha256.ts";
import { annexContent } from "./view/annex.ts";
import { art30ControllerContent } from "./view/art30-controller.ts";
import { art30ProcessorContent } from "./view/art30-processor.ts";
import type { DocumentContent } from "./view/document-content.ts";
import { keepWording } from "./completeness/finding.ts";
import { wellFormedDeep } from "../kernel/input/text-rules.ts";

export interface DocumentSpec {
  kind: DocumentKind;
  agreementId: string | null;
  language: Language | null;
  format: DocumentFormat;
  draft: boolean;
  /** The signed audit checkpoint an export carries (JSON meta, PDF info and footer); none in previews. */
  checkpoint?: Checkpoint | null;
}

export interface RenderedDocument {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  sha256: string;
  fingerprint: string;
  templateVersion: string;
  language: Language;
  findings: Finding[];
}

/** What a document says. Text stored before the text rules may hold lone surrogates: they show as U+FFFD, never fail a document. */
export function documentContent(
  snapshot: RegisterSnapshot,
  spec: Pick<DocumentSpec, "kind" | "agreementId" | "language">,
): DocumentContent {
  const recordLanguage = spec.language ?? snapshot.organisation?.defaultLanguage ?? "en";
  const content =
    spec.kind === "annex"
      ? annexContent(snapshot, spec.agreementId ?? "", spec.language)
      : spec.kind === "art30-processor"
        ? art30ProcessorContent(snapshot, recordLanguage)
        : art30ControllerContent(snapshot, recordLanguage);
  const wellFormed = wellFormedDeep(content);
  keepWording(content.findings, wellFormed.findings);
  return wellFormed;
}

/**
 * Renders one document from a register snapshot. Every list is in a fixed order, so the bytes
 * depend only on (snapshot, template version, language, format, draft).
 */
export async function renderDocument(snapshot: RegisterSnapshot, spec: DocumentSpec): Promise<RenderedDocument> {
  const content = documentContent(snapshot, spec);
  // The linked data is made from the snapshot's stored values (ids, codes, every language), not from the display strings.
  const linkedData =
    spec.format === "jsonld"
      ? (await import("./linked-data/register-graph.ts")).registerGraph(snapshot, spec.kind, spec.agreementId)
      : undefined;
  return renderContent(content, {
    linkedData,
    kind: spec.kind,
    format: spec.format,
    draft: spec.draft,
    asOf: snapshot.asOf,
    author: snapshot.organisation?.legalName ?? "",
    checkpoint: spec.checkpoint ?? null,
    fileName: fileName(spec, content, snapshot.asOf),
  });
}

/** How one document's content is given its format. */
export interface RenderOptions {
  kind: string;
  format: DocumentFormat;
  draft: boolean;
  /** The instant the content is as of: in the title block and the PDF's footer. */
  asOf: string;
  author: string;
  checkpoint: Checkpoint | null;
  fileName: string;
  /** JSON-LD only: the DPV nodes the document states, its own node first. */
  linkedData?: Record<string, unknown>[] | undefined;
}

/**
 * Gives a document's content its format: the same path for the register's documents and for those
 * made from a record (a breach report). Nothing here reads the clock or makes ids, so the bytes
 * depend only on the content, the options and the template version.
 */
export async function renderContent(content: DocumentContent, options: RenderOptions): Promise<RenderedDocument> {
  // What the PDF needs is prepared in its own call: the content, view and HTML (tens of MiB for a
  // record of 5,000 activities) are let go before the pages are laid out, only the blocks stay.
  const { pdf, xlsx, ...document } = await prepareContent(content, options);
  // pdfkit, fontkit and the fonts (a third of the server's code) load with the first PDF, not at start; exceljs with the first workbook.
  const bytes = pdf
    ? await (await import("./render/pdf/render-pdf.ts")).renderPdf(pdf.blocks, pdf.meta)
    : xlsx
      ? await (await import("./render/xlsx.ts")).renderXlsx(xlsx)
      : document.bytes;
  const { contentType, fingerprint, templateVersion, language, findings } = document;
  return {
    bytes,
    contentType,
    fileName: document.fileName,
    sha256: await sha256Hex(bytes),
    fingerprint,
    templateVersion,
    language,
    findings,
  };
}

type PreparedDocument = Omit<RenderedDocument, "sha256"> & { pdf: { blocks: Block[]; meta: PdfMeta } | null; xlsx?: XlsxSheet };

async function prepareContent(content: DocumentContent, options: RenderOptions): Promise<PreparedDocument> {
  const lang = content.language;
  const shownFindings = options.draft ? content.findings : [];
  // The fingerprint covers what the document says, not when it was asked for: unchanged content keeps its fingerprint.
  const fingerprint = await sha256Hex(
    canonicalize({
      kind: options.kind,
      language: lang,
      title: content.title,
      subject: content.subject,
      draft: options.draft,
      findings: shownFindings,
      body: content.body,
    }) ?? "",
  );
  const meta = {
    kind: options.kind,
    title: content.title,
    subject: content.subject,
    language: lang,
    asOf: formatInstant(options.asOf, lang),
    asOfInstant: options.asOf,
    fingerprint,
    templateVersion: TEMPLATE_VERSION,
    draft: options.draft,
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
  };
  const view = { meta, findings: shownFindings, body: content.body };
  const document = {
    bytes: new Uint8Array(0),
    contentType: CONTENT_TYPES[options.format],
    fileName: options.fileName,
    fingerprint,
    templateVersion: TEMPLATE_VERSION,
    language: lang,
    findings: content.findings,
    pdf: null,
  };
  const encode = (text: string) => ({ ...document, bytes: new TextEncoder().encode(text) });
  if (options.format === "json") return encode(canonicalize({ ...view, table: content.table ?? null }) ?? "");
  if (options.format === "jsonld") {
    if (!options.linkedData) throw new Error(`${options.kind} has no JSON-LD form`);
    const { linkedDataDocument } = await import("./linked-data/linked-data-document.ts");
    return encode(linkedDataDocument(options.linkedData, { ...meta, findings: shownFindings.map((f) => `${f.article}: ${f.message}`) }));
  }
  if (options.format === "csv") {
    if (!content.table) throw new Error(`${options.kind} has no CSV form`);
    return encode(renderCsv(content.table));
  }
  if (options.format === "xlsx") {
    if (!content.table) throw new Error(`${options.kind} has no XLSX form`);
    const xlsx: XlsxSheet = {
      name: SHEET_NAMES[options.kind] ?? "Register",
      header: content.table.header,
      rows: content.table.rows,
      title: `${content.title} – ${content.subject}`,
      author: displayText(options.author),
      asOf: options.asOf,
      description: `${translate(lang, "pdf.footer", { asOf: meta.asOf })} · ${translate(lang, "pdf.fingerprint", { fingerprint })}`,
    };
    return { ...document, xlsx };
  }
  const html = renderHtml(content.template, view);
  if (options.format === "html") return encode(html);
  const pdfMeta: PdfMeta = {
    title: `${content.title} – ${content.subject}`,
    subject: content.subject,
    author: displayText(options.author),
    language: lang,
    asOf: new Date(options.asOf),
    headerText: translate(lang, "pdf.header", { title: content.title, subject: content.subject }),
    footerLines: [
      translate(lang, "pdf.footer", { asOf: meta.asOf }),
      translate(lang, "pdf.fingerprint", { fingerprint }),
      ...(options.checkpoint ? [checkpointFooter(options.checkpoint, lang)] : []),
    ],
    custom: options.checkpoint ? { AuditCheckpoint: canonicalize(options.checkpoint) ?? "" } : {},
    pageLabel: (page, pages) => translate(lang, "pdf.page", { page, pages }),
    creator: `dpa-register, template version ${TEMPLATE_VERSION}`,
    orientation: options.kind in SHEET_NAMES ? "landscape" : "portrait",
  };
  return { ...document, pdf: { blocks: htmlToBlocks(html), meta: pdfMeta } };
}

const checkpointFooter = (c: Checkpoint, lang: Language) =>
  translate(lang, "pdf.checkpoint", { size: c.size, head: c.head.slice(0, 16), at: formatInstant(c.at, lang), keyId: c.keyId });

/** The sheet of each record, named by its article (the same in every language). The records' PDFs are landscape, a row per activity. */
const SHEET_NAMES: Record<string, string> = { "art30-controller": "Art. 30(1)", "art30-processor": "Art. 30(2)" };

/** e.g. annex_CF-DPA-2024-001_2026-11-21T100405Z_nl.pdf */
function fileName(spec: DocumentSpec, content: DocumentContent, asOf: string): string {
  const subject =
    content.subject
      .normalize("NFKD")
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "register";
  const stamp = `${asOf.slice(0, 19).replace(/:/g, "")}Z`;
  return `${spec.kind}_${subject}_${stamp}_${content.language}${spec.draft ? "_draft" : ""}.${spec.format}`;
}
