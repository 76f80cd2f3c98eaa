import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { verifyRegister } from "../../src/core/evidence/verify-register.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { verifyExport } from "../../src/core/documents/export-use-cases.ts";
import { lastSeqAt, loadSnapshot } from "../../src/core/documents/register-snapshot.ts";
import { renderDocument } from "../../src/core/documents/render-document.ts";
import { contentSha256, type RegisterExport } from "../../src/core/register-transfer/export-format.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { buildRegisterFixture, type RegisterFixture } from "../helpers/register-fixture.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { ROOT, run, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// Export and import of the whole register on Node, with the file the Worker
// suite imports over D1 (test/workers/register-transfer.test.ts): built from
// the same seeded fixture with the Worker suites' checkpoint key, so the
// round trip Node -> D1 -> Node is closed on the very same bytes.

const cli = (database: string, ...args: string[]) => run([join(ROOT, "src/cli/main.ts"), "--database", database, ...args]);

/** The key vitest.workers.config.ts gives the Worker (and its fixture script): the same file needs the same key. */
function workerSuitesKey(): string {
  const config = readFileSync(join(ROOT, "vitest.workers.config.ts"), "utf8");
  const key = /WORKER_TEST_CHECKPOINT_KEY = "([A-Za-z0-9_-]{43})"/.exec(config)?.[1];
  if (!key)
    throw new Error("vitest.workers.config.ts no longer names WORKER_TEST_CHECKPOINT_KEY: keep this test's fixture the Worker suite's.");
  return key;
}

let fixture: RegisterFixture;
let file: string;
beforeAll(async () => {
  fixture = await buildRegisterFixture(workerSuitesKey());
  file = join(tempDir(), "register-export.json");
  writeFileSync(file, fixture.text);
});
afterAll(() => fixture?.store.close());

async function withStore<T>(path: string, use: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = createSqliteStore(path);
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

const tablesHoldingRows = (rows: Record<string, unknown[]>) =>
  Object.entries(rows)
    .filter(([, list]) => list.length > 0)
    .map(([name]) => name);

describe("the register export", () => {
  it("is the same file every time the fixture is built, which the Worker suite imports", async () => {
    const again = await buildRegisterFixture(workerSuitesKey());
    again.store.close();
    expect(again.text).toBe(fixture.text);
    const doc = JSON.parse(fixture.text) as RegisterExport;
    expect(doc).toMatchObject({ format: "dpa-register-export", version: 1, chain: { broken: null, pending: [] } });
    expect(contentSha256(doc)).toBe(doc.contentSha256);
    expect(Object.keys(doc.tables)).not.toContain("sessions");
    for (const table of [
      "audit_entries",
      "audit_checkpoints",
      "users",
      "api_tokens",
      "app_secrets",
      "document_exports",
      "outbox",
      "change_notices",
    ]) {
      expect(doc.tables[table]?.length, table).toBeGreaterThan(0);
    }
    // Stored JSON travels as its stored text, so an import writes the same bytes.
    expect(typeof doc.tables.audit_entries?.[0]?.after).toBe("string");
  });

  it(
    "imports on Node with the same chain head, verifies, renders the same documents at three past instants, and exports to the same content",
    async () => {
      const target = join(tempDir(), "register.db");
      const imported = await cli(target, "import-register", file, "--trusted-key", fixture.publicKey);
      expect(imported.code, imported.stdout + imported.stderr).toBe(0);
      expect(imported.stdout).toContain(
        `verified: ${fixture.document.chain.entries} audit entries form one chain, head ${fixture.document.chain.head}`,
      );

      await withStore(target, async (store) => {
        const ctx = makeCtx(store, SYSTEM_ACTOR);
        expect((await walkChain(store)).head).toBe(fixture.document.chain.head);
        const report = await verifyRegister(ctx, { trigger: "cli", trustedKeys: [fixture.publicKey], record: false });
        expect(report.problems).toEqual([]);
        expect(report.checkpoints.checked).toBe(3);
        for (const exported of fixture.exports) {
          expect(await verifyExport(ctx, exported.id), exported.asOf).toMatchObject({ verified: true, regeneratedSha256: exported.sha256 });
          for (const format of ["pdf", "html"] as const) {
            const render = async (db: Store["db"]) =>
              (
                await renderDocument(await loadSnapshot(db, exported.asOf, await lastSeqAt(db, exported.asOf)), {
                  kind: "art30-controller",
                  agreementId: null,
                  language: "nl",
                  format,
                  draft: true,
                })
              ).sha256;
            expect(await render(store.db), `${format} as of ${exported.asOf}`).toBe(await render(fixture.store.db));
          }
        }
      });

      const out = join(tempDir(), "again.json");
      const exported = await cli(target, "export-register", out);
      expect(exported.code, exported.stderr).toBe(0);
      const text = readFileSync(out, "utf8");
      expect((JSON.parse(text) as RegisterExport).contentSha256).toBe(fixture.document.contentSha256);
      expect(text.replace(/"exportedAt": "[^"]+"/, "")).toBe(fixture.text.replace(/"exportedAt": "[^"]+"/, ""));
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "checks a file with --check without writing anything, and refuses checkpoints signed with a key it does not trust",
    async () => {
      const target = join(tempDir(), "register.db");
      const checked = await cli(target, "import-register", "--check", file, "--trusted-key", fixture.publicKey);
      expect(checked.code, checked.stderr).toBe(0);
      expect(checked.stdout).toContain("Nothing was written");
      expect(existsSync(target)).toBe(false);

      const untrusted = await cli(target, "import-register", file);
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toContain("which this service does not trust");
      expect(untrusted.stderr).toContain(fixture.publicKey);
      await withStore(target, async (store) => expect(tablesHoldingRows(await snapshot(store))).toEqual([]));
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "refuses a file with a broken chain, an altered file and a non-empty database, writing nothing",
    async () => {
      const doc = JSON.parse(fixture.text) as RegisterExport;
      const victim = doc.tables.audit_entries?.[20] as Record<string, unknown>;
      victim.after = (victim.after as string).replace(/"revision":\d+/, '"revision":99');
      const forged = join(tempDir(), "forged.json");
      writeFileSync(forged, JSON.stringify({ ...doc, contentSha256: contentSha256(doc) }));
      const altered = join(tempDir(), "altered.json");
      writeFileSync(altered, JSON.stringify(doc));

      const empty = join(tempDir(), "register.db");
      const broken = await cli(empty, "import-register", forged, "--trusted-key", fixture.publicKey);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(`audit chain is broken at entry ${victim.seq}: its content does not hash to the hash it stores`);
      const changed = await cli(empty, "import-register", altered, "--trusted-key", fixture.publicKey);
      expect(changed.code).toBe(2);
      expect(changed.stderr).toContain("does not match its contentSha256");
      await withStore(empty, async (store) => expect(tablesHoldingRows(await snapshot(store))).toEqual([]));

      const full = join(tempDir(), "register.db");
      await withStore(full, async (store) => {
        await loadDemoRegister(store);
      });
      const before = await withStore(full, snapshot);
      const refused = await cli(full, "import-register", file, "--trusted-key", fixture.publicKey);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("The register is not empty");
      expect(await withStore(full, snapshot)).toEqual(before);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "is served to the register's admins by GET /api/v1/admin/register-export, and recorded in the audit trail after what it holds",
    async () => {
      const target = join(tempDir(), "register.db");
      expect((await cli(target, "import-register", file, "--trusted-key", fixture.publicKey)).code).toBe(0);
      await withStore(target, async (store) => {
        const response = await createApp({ store }).request("/api/v1/admin/register-export", {
          headers: { authorization: `Bearer ${fixture.adminToken}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("no-store");
        const served = (await response.json()) as RegisterExport;
        expect(served.chain).toEqual(fixture.document.chain);
        expect(response.headers.get("x-content-sha256")).toBe(served.contentSha256);
        const [last] = store.sqlite.prepare("select action, entity_type, actor_name from audit_entries order by seq desc limit 1").all();
        expect(last).toEqual({ action: "export", entity_type: "register_export", actor_name: "register admin" });
      });
    },
    CHILD_PROCESS_TEST_MS,
  );
});
