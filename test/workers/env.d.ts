import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      /** sha256 of the demo documents rendered on Node (test/workers/reference-documents.ts). */
      NODE_REFERENCE: { annexPdf: string; annexHtml: string; art30Pdf: string };
      /** The Worker's checkpoint signing key in these suites (vitest.workers.config.ts). */
      CHECKPOINT_KEY: string;
      /** A stand-in for Postmark's email API, run by vitest.workers.config.ts on Node (test/helpers/mail-api-sink.ts). */
      MAIL_SINK_URL: string;
      /** A webhook receiver, run by vitest.workers.config.ts on Node (test/helpers/webhook-receiver.ts). */
      WEBHOOK_RECEIVER_URL: string;
      /** A register exported on Node and the SQL of a first D1 admin token (test/workers/register-export-fixture.ts). */
      REGISTER_EXPORT: {
        text: string;
        adminToken: string;
        exports: { id: string; asOf: string; sha256: string }[];
        bootstrap: { sql: string; token: string };
      };
    }
  }
}
