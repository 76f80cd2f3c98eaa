// Reads are remembered until the register changes (kernel/remembered.ts): a
// repeated GET is answered without querying, but never with anything older
// than the request, whoever committed the change (this app, or another
// connection to the same file such as the CLI).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { settableClock } from "../helpers/clocks.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";
import { tempDir } from "../node/helpers.ts";

stopStartedAfterEach();

/** An app over a database file (written in process, or on the writer thread as the service does), and a second connection to that file standing for another process. */
async function twoConnections(writerThread: boolean): Promise<{ t: TestApp; other: SqliteStore }> {
  const dir = tempDir();
  const path = join(dir, "register.db");
  const store = createSqliteStore(path, { writerThread });
  const other = createSqliteStore(path);
  onCleanup(() => {
    store.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { t: await makeTestApp(store, settableClock("2026-03-02T09:00:00Z")), other };
}

const names = async (t: TestApp) =>
  (await bodyOf<{ items: { name: { en?: string } }[] }>(await t.request("GET", "/api/v1/data-categories"))).items.map((i) => i.name.en);

describe.each([
  ["written in process", false],
  ["written on the writer thread", true],
])("remembered reads, %s", (_, writerThread) => {
  it("show a write through the API on the very next read", async () => {
    const { t } = await twoConnections(writerThread);
    expect(await names(t)).toEqual([]);
    expect(await names(t)).toEqual([]);
    const created = await bodyOf<{ id: string }>(
      await t.request("POST", "/api/v1/data-categories", { body: { name: { en: "Contact details" }, special: "none" } }),
    );
    expect(await names(t)).toEqual(["Contact details"]);
    const path = `/api/v1/data-categories/${created.id}`;
    expect((await t.request("GET", path)).headers.get("etag")).toBe('"1"');
    await t.request("PATCH", path, { body: { name: { en: "Contact data" } } });
    const again = await t.request("GET", path);
    expect(again.headers.get("etag")).toBe('"2"');
    expect((await bodyOf<{ name: { en: string } }>(again)).name.en).toBe("Contact data");
  });

  it("show a commit by another connection to the same file on the very next read", async () => {
    const { t, other } = await twoConnections(writerThread);
    await t.request("POST", "/api/v1/data-categories", { body: { name: { en: "Contact details" }, special: "none" } });
    expect(await names(t)).toEqual(["Contact details"]);
    other.sqlite.exec(`update data_categories set name = json('{"en":"Changed by the CLI"}')`);
    expect(await names(t)).toEqual(["Changed by the CLI"]);
  });

  it("refuse a token revoked by another connection on its next use", async () => {
    const { t, other } = await twoConnections(writerThread);
    expect((await t.request("GET", "/api/v1/data-categories", { token: "editor" })).status).toBe(200);
    expect((await t.request("GET", "/api/v1/data-categories", { token: "editor" })).status).toBe(200);
    other.sqlite.exec(`update api_tokens set revoked_at = '2026-03-02T09:00:00.000Z' where name = 'test editor'`);
    const refused = await t.request("GET", "/api/v1/data-categories", { token: "editor" });
    expect(refused.status).toBe(401);
  });

  it("still check who may read what was remembered for someone else", async () => {
    const { t } = await twoConnections(writerThread);
    expect((await t.request("GET", "/api/v1/data-categories")).status).toBe(200);
    expect((await t.request("GET", "/api/v1/data-categories", { token: "calendar" })).status).toBe(403);
    expect((await t.request("GET", "/api/v1/data-categories", { token: null })).status).toBe(401);
  });
});
