import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "../helpers/fixtures.ts";
import { flat, pdfPageCount, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { activeSubProcessorVia, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

// Register text that a document must show as typed and never act on.
const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const JS = "javascript:alert(1)";
const HB_CONSTRUCTOR = "{{constructor}}";
const HB_EACH = "{{#each this}}x{{/each}}";
const ACCENTS = "Ĳsselmeer, Zoë, Crème brûlée, façade, Ærø, «guillemets», ‘quotes’ – dash";
const LONG = `Z${"x".repeat(19_998)}Z`;
const BIDI = "invoice\u202Efdp.exe \u2066a\u2067b\u2068c\u2069 \u200Fend";
const BIDI_SHOWN = "invoice[U+202E]fdp.exe [U+2066]a[U+2067]b[U+2068]c[U+2069] [U+200F]end";
const RAW_BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const FORMULA = '=HYPERLINK("http://evil.example","x")';
/** Every document below holds each of these, in one field or another. */
const EVERYWHERE = [SCRIPT, IMG, JS, HB_CONSTRUCTOR, HB_EACH, ACCENTS, BIDI_SHOWN];

// What the templates themselves write: register text must add no element and no attribute.
const TEMPLATE_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "h1",
  "h2",
  "h3",
  "p",
  "section",
  "div",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "ul",
  "ol",
  "li",
  "strong",
]);
const TEMPLATE_ATTRIBUTES = new Set(["lang", "charset", "name", "content", "class", "id", "scope", "role", "data-widths", "value"]);

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(memoryStore());
});

const create = (path: string, body: unknown) => createdVia(t, path, body);

const CONTROLLER_PURPOSES = [{ en: IMG }, { en: HB_CONSTRUCTOR }, { en: HB_EACH }, { en: BIDI }, { en: ACCENTS }];

/** A register whose text fields hold the hostile strings: a controller activity, a processor activity, its sub-processor, customer and agreement. */
async function hostileRegister() {
  expect((await t.request("PUT", "/api/v1/organisation", { body: fixtures.organisation() })).status).toBe(200);
  const data = await create("/api/v1/data-categories", { name: { en: `@SUM(1+1) ${IMG} ${ACCENTS}` } });
  const subjects = await create("/api/v1/subject-categories", fixtures.subjectCategory());
  const measure = await create("/api/v1/security-measures", {
    ...fixtures.securityMeasure(),
    title: { en: "-1-1 TLS everywhere" },
    description: { en: `${SCRIPT} ${HB_EACH} ${BIDI}` },
  });
  const common = {
    subjectCategoryIds: [subjects.id],
    dataCategories: [{ dataCategoryId: data.id, retention: { kind: "period", period: { length: 2, unit: "years" } } }],
    securityMeasureIds: [measure.id],
    status: "active",
  };
  const controller = await create("/api/v1/activities", {
    ...common,
    role: "controller",
    legalBasis: "consent",
    name: { en: `Mailing ${SCRIPT}` },
    purposes: [...CONTROLLER_PURPOSES, { en: LONG }],
    recipients: [{ name: { en: FORMULA } }, { name: { en: JS } }],
  });
  const processor = await create("/api/v1/activities", {
    ...common,
    role: "processor",
    name: { en: `+1+1 Hosting ${IMG}` },
    nature: { en: HB_CONSTRUCTOR },
    purposes: [{ en: SCRIPT }],
  });
  await activeSubProcessorVia(t, {
    ...fixtures.subProcessor([processor.id]),
    legalName: `${JS} ${BIDI}`,
    service: { en: `${JS} ${HB_EACH}` },
    processingDescription: { en: `${SCRIPT} ${BIDI} ${ACCENTS}` },
  });
  const customer = await create("/api/v1/customers", {
    ...fixtures.customer(),
    legalName: `${IMG} ${ACCENTS}`,
    contact: { name: SCRIPT, position: BIDI, email: "dpo@customer.example" },
  });
  const agreement = await create("/api/v1/agreements", {
    ...fixtures.agreement(customer.id, [processor.id]),
    reference: `DPA ${BIDI}`,
    signedOn: null,
    language: "en",
    status: "active",
  });
  return { controllerId: controller.id, agreementId: agreement.id };
}

const DOCUMENTS: [string, (ids: { agreementId: string }) => string][] = [
  ["the Art. 30(1) record", () => "/api/v1/documents/art30-controller"],
  ["the Art. 30(2) record", () => "/api/v1/documents/art30-processor"],
  ["the annex", ({ agreementId }) => `/api/v1/documents/annex/${agreementId}`],
];

async function fetchDocument(path: string, format: "html" | "pdf" | "csv"): Promise<Response> {
  // Draft mode adds the completeness box, whose messages quote register names too.
  const response = await t.request("GET", `${path}?format=${format}&draft=true`, { token: "read-only" });
  expect(response.status).toBe(200);
  return response;
}

function elementsOf(node: ChildNode): Element[] {
  if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return [];
  const el = node as Element;
  return [el, ...el.children.flatMap(elementsOf)];
}

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

/** A PDF's text as a reader takes it in: without the running header and footer each page repeats, whitespace runs as one space. */
async function pdfReaderText(response: Response): Promise<{ text: string; pages: number }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const furniture = [
    /^(Record of processing activities \(.*\)|Data processing agreement: Annexes I to IV) · /,
    /^Register state as of \d.* UTC$/,
    /^Content fingerprint \(SHA-256\): [0-9a-f]{64}$/,
    /^Page \d+ of \d+$/,
  ];
  const lines = pdfText(bytes).replace(/\f/g, "\n").split("\n");
  return { text: flat(lines.filter((l) => !furniture.some((re) => re.test(l))).join("\n")), pages: pdfPageCount(bytes) };
}

/** A CSV response parsed as a spreadsheet would: byte-order mark, quoted fields, CRLF rows. */
async function csvRows(response: Response): Promise<string[][]> {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "," || c === "\r")) {
      row.push(cell);
      cell = "";
      if (c === "\r") {
        expect(text[++i]).toBe("\n");
        rows.push(row);
        row = [];
      }
    } else cell += c;
  }
  return rows;
}

describe("hostile register text in the documents", () => {
  it.each(DOCUMENTS)("%s as HTML: escaped text, no element or attribute of its own, under a CSP that runs nothing", async (_, path) => {
    const response = await fetchDocument(path(await hostileRegister()), "html");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a[\s>]/i);
    expect(html).not.toMatch(/\s(href|src)\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img");
    // Handlebars printed the braces; it did not evaluate them.
    expect(html).toContain(HB_CONSTRUCTOR);
    expect(html).toContain(HB_EACH);
    expect(html).not.toMatch(/function Object|\[native code\]|\[object Object\]/);
    expect(html).toContain(ACCENTS);
    expect(html).toContain(BIDI_SHOWN);
    expect(html).not.toMatch(RAW_BIDI);

    const document = parseDocument(html);
    const elements = document.children.flatMap(elementsOf);
    expect(elements.map((e) => e.name).filter((name) => !TEMPLATE_TAGS.has(name))).toEqual([]);
    const attributes = elements.flatMap((e) => Object.entries(e.attribs));
    expect(attributes.map(([name]) => name).filter((name) => !TEMPLATE_ATTRIBUTES.has(name))).toEqual([]);
    expect(attributes.filter(([, value]) => /javascript:|alert|onerror/i.test(value))).toEqual([]);
    // Read back as a browser would, the text is exactly what was typed.
    const text = document.children.map(textOf).join("");
    for (const hostile of EVERYWHERE) expect(text).toContain(hostile);
  });

  it.each(DOCUMENTS)("%s as PDF: the same text, readable as typed", async (name, path) => {
    const { text } = await pdfReaderText(await fetchDocument(path(await hostileRegister()), "pdf"));
    // The records are grids of eleven narrow columns, where a long token wraps inside its cell
    // (pdftotext then reads a line break in it); the annex's columns hold each one whole.
    if (name === "the annex") for (const hostile of EVERYWHERE) expect(text).toContain(hostile);
    else for (const hostile of EVERYWHERE) expect(text.replace(/\s+/g, "")).toContain(hostile.replace(/\s+/g, ""));
    expect(text).not.toMatch(/&lt;|&gt;|&quot;|&#x3D;|&amp;/);
    expect(text).not.toMatch(RAW_BIDI);
  });

  it("the Art. 30 records as CSV: text as typed, bidi controls as markers, formulas defused with a leading apostrophe", async () => {
    await hostileRegister();
    const controller = await csvRows(await fetchDocument("/api/v1/documents/art30-controller", "csv"));
    const processor = await csvRows(await fetchDocument("/api/v1/documents/art30-processor", "csv"));
    expect(controller).toHaveLength(2);
    expect(processor).toHaveLength(2);
    const [cHeader = [], cRow = []] = controller;
    const [pHeader = [], pRow = []] = processor;
    const cell = (header: string[], row: string[], column: string) => row[header.indexOf(column)];

    expect(cell(cHeader, cRow, "Processing activity")).toBe(`Mailing ${SCRIPT}`);
    expect(cell(cHeader, cRow, "(b) Purposes")?.split("\n")).toEqual([IMG, HB_CONSTRUCTOR, HB_EACH, BIDI_SHOWN, ACCENTS, LONG]);
    expect(cell(cHeader, cRow, "(d) Categories of recipients")).toBe(`'${FORMULA}\n${JS}`);
    expect(cell(cHeader, cRow, "(c) Categories of personal data")).toBe(`'@SUM(1+1) ${IMG} ${ACCENTS}`);
    expect(cell(cHeader, cRow, "(g) Security measures")).toBe("'-1-1 TLS everywhere");
    expect(cell(pHeader, pRow, "(a) Controllers")).toBe(`${IMG} ${ACCENTS}`);
    expect(cell(pHeader, pRow, "(b) Category of processing")).toBe(`'+1+1 Hosting ${IMG}: ${HB_CONSTRUCTOR}`);
    expect(cell(pHeader, pRow, "(d) Security measures")).toBe("'-1-1 TLS everywhere");

    for (const value of [...controller, ...processor].flat()) {
      expect(value).not.toMatch(/^[=+\-@\t\r]/);
      expect(value).not.toMatch(RAW_BIDI);
    }
  });

  it("keeps a 20,000-character unbroken string whole in HTML, PDF and CSV, on extra PDF pages", async () => {
    const { controllerId } = await hostileRegister();
    const path = "/api/v1/documents/art30-controller";
    expect(await (await fetchDocument(path, "html")).text()).toContain(LONG);
    expect(await (await fetchDocument(path, "csv")).text()).toContain(LONG);
    const withLong = await pdfReaderText(await fetchDocument(path, "pdf"));
    // The grid's header is repeated on each page the row runs over, and the string reads on below it.
    const reading = withLong.text.replace(/\s+/g, "");
    // On each page the row's other cells follow its slice of the string: the slices, in page order, make it up.
    expect(reading.match(/Z?x{20,}Z?/g)?.join("")).toBe(LONG);

    const patched = await t.request("PATCH", `/api/v1/activities/${controllerId}`, {
      token: "editor",
      body: { purposes: CONTROLLER_PURPOSES },
    });
    expect(patched.status).toBe(200);
    const without = await pdfReaderText(await fetchDocument(path, "pdf"));
    expect(without.text.replace(/\s+/g, "")).not.toContain("Zxxxxxxxxx");
    expect(withLong.pages).toBeGreaterThan(without.pages + 2);
  });
});
