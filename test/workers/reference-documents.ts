// Run by vitest.workers.config.ts on Node before the Worker suites start:
// renders the demo register's documents on Node (better-sqlite3) and prints
// their sha256, so the Worker suite can check that workerd over D1 produces
// the very same bytes.
import { lastSeqAt, loadSnapshot } from "../../src/core/documents/register-snapshot.ts";
import { renderDocument } from "../../src/core/documents/render-document.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const store = memoryStore();
const demo = await loadDemoRegister(store);
const snapshot = await loadSnapshot(store.db, demo.loadedUntil, await lastSeqAt(store.db, demo.loadedUntil));
const sha = async (kind: "annex" | "art30-controller", format: "pdf" | "html") =>
  (
    await renderDocument(snapshot, {
      kind,
      agreementId: kind === "annex" ? (demo.agreementIds["CF-DPA-2024-001"] ?? null) : null,
      language: "nl",
      format,
      draft: true,
    })
  ).sha256;
console.log(
  JSON.stringify({
    annexPdf: await sha("annex", "pdf"),
    annexHtml: await sha("annex", "html"),
    art30Pdf: await sha("art30-controller", "pdf"),
  }),
);
