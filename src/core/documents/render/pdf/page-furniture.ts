import { A4, BORDER, BOTTOM, CONTENT_WIDTH, MARGIN, MUTED } from "./page-geometry.ts";

/** What the running header and footer show; set per document by the caller. */
export interface PageFurniture {
  headerText: string;
  /** Two or three lines: the as-of state, the fingerprint and, on exports, the signed audit checkpoint. */
  footerLines: string[];
  pageLabel(page: number, pages: number): string;
}

/** Running header and footer on every page, once the page count is known (hence after the body is laid out). */
export function decoratePages(doc: PDFKit.PDFDocument, meta: PageFurniture): void {
  const range = doc.bufferedPageRange();
  const size = 7;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font("regular").fontSize(size).fillColor(MUTED);
    doc.text(meta.headerText, MARGIN.left, MARGIN.top - 28, { lineBreak: false, width: CONTENT_WIDTH, ellipsis: true });
    doc
      .moveTo(MARGIN.left, MARGIN.top - 16)
      .lineTo(A4.width - MARGIN.right, MARGIN.top - 16)
      .lineWidth(0.5)
      .strokeColor(BORDER)
      .stroke();
    const footerTop = BOTTOM + 20;
    meta.footerLines.forEach((line, n) => {
      doc.text(line, MARGIN.left, footerTop + n * size * 1.4, { lineBreak: false });
    });
    const label = meta.pageLabel(i + 1, range.count);
    doc.text(label, A4.width - MARGIN.right - doc.widthOfString(label), footerTop, { lineBreak: false });
  }
}
