import { z } from "zod";
import type { Db } from "../kernel/ports/store.ts";
import { idOrReference, NAMED_AGREEMENT, resolveNamed } from "../register/index.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentFormat, Language } from "../kernel/values/values.ts";

export { DOCUMENT_FORMATS, DOCUMENT_KINDS };
export type { DocumentFormat, DocumentKind } from "../kernel/values/values.ts";

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
  jsonld: "application/ld+json",
};

/** What defines a document: with the template version, the same request gives the same bytes. */
export const DocumentRequest = z
  .strictObject({
    kind: z.enum(DOCUMENT_KINDS),
    agreementId: idOrReference(NAMED_AGREEMENT)
      .nullable()
      .default(null)
      .describe("The agreement whose annex to render (kind annex only): its id or its reference."),
    format: z.enum(DOCUMENT_FORMATS).default("html"),
    language: Language.nullable()
      .default(null)
      .describe("Defaults to the agreement's language for an annex, else the organisation's default language."),
    asOf: z.iso
      .datetime({ offset: true })
      .nullable()
      .default(null)
      .describe("Render the register as it stood at this instant (ISO 8601); defaults to now."),
    draft: z.boolean().default(false).describe("Show the completeness check as a warning block in the document."),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "annex" && !r.agreementId)
      ctx.addIssue({ code: "custom", path: ["agreementId"], message: "An annex is rendered for one agreement: give agreementId." });
    if (r.kind !== "annex" && r.agreementId)
      ctx.addIssue({ code: "custom", path: ["agreementId"], message: "Only an annex belongs to an agreement." });
    if (r.kind === "annex" && (r.format === "csv" || r.format === "xlsx"))
      ctx.addIssue({
        code: "custom",
        path: ["format"],
        message: `${r.format.toUpperCase()} is made for the Art. 30 records (one row per activity); an annex is HTML, PDF, JSON or JSON-LD.`,
      });
  });
export type DocumentRequest = z.infer<typeof DocumentRequest>;

/** The request as parsed, with the agreement named by its id whatever the caller named it by: exports record ids. */
export async function parseDocumentRequest(db: Db, raw: unknown): Promise<DocumentRequest> {
  const request = parseInput(DocumentRequest, raw);
  if (request.agreementId === null) return request;
  return { ...request, agreementId: await resolveNamed(db, NAMED_AGREEMENT, request.agreementId) };
}
