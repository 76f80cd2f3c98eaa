import { BORDER, MUTED, type PageGeometry } from "./page-geometry.ts";

/** What the running header and footer show; set per document by the caller. */
export interface PageFurniture {
  headerText: string;
  /** Two or three lines: the as-of state, the fingerprint and, on exports, the signed audit checkpoint. */
  footerLines: string[];
  pageLabel(page: number, pages: number): string;
}

/** The running header and footer on pdfkit's current page (`page` from 0 of `pages`), drawn once the page's body is complete. */
export function decoratePage(doc: PDFKit.PDFDocument, geometry: PageGeometry, meta: PageFurniture, page: number, pages: number): void {
  const size = 7;
  const { margin: MARGIN, width } = geometry;
  doc.font("regular").fontSize(size).fillColor(MUTED);
  doc.text(meta.headerText, MARGIN.left, MARGIN.top - 28, { lineBreak: false, width: geometry.contentWidth, ellipsis: true });
  doc
    .moveTo(MARGIN.left, MARGIN.top - 16)
    .lineTo(width - MARGIN.right, MARGIN.top - 16)
    .lineWidth(0.5)
    .strokeColor(BORDER)
    .stroke();
  const footerTop = geometry.bottom + 20;
  meta.footerLines.forEach((line, n) => {
    doc.text(line, MARGIN.left, footerTop + n * size * 1.4, { lineBreak: false });
  });
  const label = meta.pageLabel(page + 1, pages);
  doc.text(label, width - MARGIN.right - doc.widthOfString(label), footerTop, { lineBreak: false });
}
