import { z } from "zod";
import { Language } from "../kernel/values/values.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS } from "./document-request.ts";

/** One document that left the register, as listed by the API. */
export const DocumentExport = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  agreementId: z.string().nullable(),
  language: Language,
  format: z.enum(DOCUMENT_FORMATS),
  draft: z.boolean(),
  asOf: z.string().describe("The register state the document shows."),
  auditSeq: z.int().describe("The last audit entry that state includes."),
  templateVersion: z.string(),
  fingerprint: z.string().describe("SHA-256 of the document's content, printed in the document."),
  sha256: z.string().describe("SHA-256 of the exported file's bytes."),
  byteLength: z.int(),
  fileName: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  checkpointSize: z
    .int()
    .nullable()
    .describe("The signed audit checkpoint printed in the document (GET /public/checkpoints/{size}); null without one."),
});
export type DocumentExport = z.infer<typeof DocumentExport>;

export const ExportVerification = z.object({
  export: DocumentExport,
  verified: z.boolean().describe("True when regenerating gives exactly the recorded bytes."),
  regeneratedSha256: z.string(),
  currentTemplateVersion: z.string(),
  explanation: z.string(),
});
export type ExportVerification = z.infer<typeof ExportVerification>;
