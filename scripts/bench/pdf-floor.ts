// The floor for the Art. 30(1) PDF: bare pdfkit writing the same pages and text (extracted from the
// product's PDF) with the same embedded Roboto fonts. Runs as a child with an IPC channel: on
// { render: textFile } it renders once and answers { ms, bytes, pages }.
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { fonts } from "../../src/core/generated/fonts.ts";

const regular = Buffer.from(fonts.regular, "base64");
const bold = Buffer.from(fonts.bold, "base64");

function render(pages: string[][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Landscape, as the product lays the record out (a row per activity).
    const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 50, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("regular", regular);
    doc.registerFont("bold", bold);
    for (const lines of pages) {
      doc.addPage();
      doc.font("bold").fontSize(12);
      let first = true;
      for (const line of lines) {
        doc.text(line, { lineBreak: false, height: 12 });
        doc.moveDown(0.1);
        if (first) {
          doc.font("regular").fontSize(8);
          first = false;
        }
      }
    }
    doc.end();
  });
}

process.on("message", async (message: { render: string }) => {
  const pages = readFileSync(message.render, "utf8")
    .split("\f")
    .filter((page) => page.trim() !== "")
    .map((page) => page.split("\n").filter((line) => line.trim() !== ""));
  const start = performance.now();
  const pdf = await render(pages);
  process.send?.({ ms: performance.now() - start, bytes: pdf.length, pages: pages.length });
});
