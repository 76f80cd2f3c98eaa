import { writeFileSync } from "node:fs";
import { makeCtx, SYSTEM_ACTOR } from "./src/core/context.ts";
import { loadDemoData } from "./src/core/demo/load-demo-data.ts";
import { exportDocument } from "./src/core/documents/export-use-cases.ts";
import { createSqliteStore } from "./src/storage/sqlite-store.ts";
const store = createSqliteStore(":memory:");
const ctx = makeCtx(store, SYSTEM_ACTOR);
await loadDemoData(ctx);
const { agreements } = await import("./db/schema.ts");
const ag = await store.db.select().from(agreements);
for (const lang of ["en", "nl", "fr"]) {
  for (const format of ["html", "pdf", "json"]) {
    for (const [kind, agreementId] of [["annex", ag[0]!.id], ["art30-controller", null], ["art30-processor", null]] as const) {
      const t = performance.now();
      const { document } = await exportDocument(ctx, { kind, agreementId, format, language: lang, draft: true });
      writeFileSync(`/tmp/smoke/${kind}-${lang}.${format}`, document.bytes);
      console.log(kind, lang, format, (performance.now() - t).toFixed(0) + "ms", document.bytes.length, document.findings.length);
    }
  }
}
const { document } = await exportDocument(ctx, { kind: "art30-controller", format: "csv", language: "nl" });
writeFileSync(`/tmp/smoke/art30.csv`, document.bytes);
