// The PDF body's operators are written by content-stream.ts the way pdfkit writes them for the
// calls the layout used to make: the same drawing through either path gives the same bytes. This
// guards the equivalence when pdfkit changes (the documents' bytes depend on it).
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { ContentStream } from "../../src/core/documents/render/pdf/content-stream.ts";
import { fonts } from "../../src/core/generated/fonts.ts";

const regular = Buffer.from(fonts.regular, "base64");
const bold = Buffer.from(fonts.bold, "base64");

async function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    font: null as unknown as string,
    bufferPages: true,
    compress: false,
    info: { CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on("end", resolve));
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

// Kerning ("AV", "To"), a ligature ("ﬁ" from "fi"), a combining accent (an offset glyph), an empty text, a repeated text.
const TEXTS = ["Register of processing", "AVATAR To Tw", "office fine", "Cafe\u0301 re\u0301sume\u0301", "", "Register of processing"];

describe("the PDF content stream", () => {
  it("writes the operators pdfkit writes for text, fills and strokes, page by page", async () => {
    const byPdfkit = await pdf((doc) => {
      for (const page of [0, 1]) {
        if (page > 0) doc.addPage();
        TEXTS.forEach((text, i) => {
          const isBold = i % 2 === 1;
          doc
            .font(isBold ? "bold" : "regular")
            .fontSize(isBold ? 12.5 : 9)
            .fillColor(isBold ? "#555555" : "#111111");
          doc.text(text, 48 + i * 0.333333, 60 + i * 11.7, { lineBreak: false });
        });
        doc.rect(48, 300.5, 120.25, 14.2).fill("#eeeeee");
        doc.rect(48, 300.5, 120.25, 14.2);
        doc.rect(168.25, 300.5, 378.75, 14.2);
        doc.lineWidth(0.5).strokeColor("#b0b0b0").stroke();
      }
    });
    const byStream = await pdf((doc) => {
      const stream = new ContentStream(doc);
      for (const page of [0, 1]) {
        if (page > 0) {
          doc.addPage();
        }
        stream.addPage(page);
        TEXTS.forEach((text, i) => {
          const isBold = i % 2 === 1;
          stream.pen(isBold ? "bold" : "regular", isBold ? 12.5 : 9, isBold ? "#555555" : "#111111", page);
          stream.text(text, 48 + i * 0.333333, 60 + i * 11.7, page);
        });
        stream.fillRect(48, 300.5, 120.25, 14.2, "#eeeeee", page);
        stream.strokeRects(
          [
            [48, 300.5, 120.25, 14.2],
            [168.25, 300.5, 378.75, 14.2],
          ],
          0.5,
          "#b0b0b0",
          page,
        );
        stream.finishPages(() => {});
      }
    });
    expect(byStream.toString("latin1")).toBe(byPdfkit.toString("latin1"));
  });

  it("measures as pdfkit's widthOfString does", async () => {
    await pdf((doc) => {
      const stream = new ContentStream(doc);
      for (const text of TEXTS) {
        expect(stream.widthOf("bold", 10.5, text)).toBe(doc.font("bold").fontSize(10.5).widthOfString(text));
        expect(stream.widthOf("regular", 9, text)).toBe(doc.font("regular").fontSize(9).widthOfString(text));
      }
    });
  });
});
