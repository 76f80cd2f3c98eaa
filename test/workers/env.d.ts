import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      /** sha256 of the demo documents rendered on Node (test/workers/reference-documents.ts). */
      NODE_REFERENCE: { annexPdf: string; annexHtml: string; art30Pdf: string };
    }
  }
}
