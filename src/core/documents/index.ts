/**
 * Art. 30 records and DPA annexes: the register as of an instant, document content, completeness, rendering (HTML, PDF, CSV, XLSX, JSON, JSON-LD) and reproducible exports.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { checkDocument } from "./completeness/check-document.ts";
export type { Finding } from "./completeness/finding.ts";
export { findingMessageIn } from "./completeness/finding.ts";
export { DOCUMENT_FORMATS, DOCUMENT_KINDS } from "./document-request.ts";
export type { DocumentKind } from "./document-request.ts";
export { DocumentExport, ExportVerification } from "./export-record.ts";
export { ExportFilter, exportDocument, getExport, listExports, regenerateExport, verifyExport } from "./export-use-cases.ts";
export type { ExportedDocument } from "./export-use-cases.ts";
export { lastSeqAt, loadSnapshot } from "./register-snapshot.ts";
export { documentContent, renderContent } from "./render-document.ts";
export type { RenderedDocument, RenderOptions } from "./render-document.ts";
export type { DocumentContent } from "./view/document-content.ts";
export { renderHtml } from "./render/html.ts";
export { publishedSubProcessorsDocument } from "./linked-data/published-sub-processors.ts";
export { isCurrent } from "./view/parts.ts";
