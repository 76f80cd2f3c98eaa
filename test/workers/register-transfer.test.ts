import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { contentSha256, type RegisterExport } from "../../src/core/register-transfer/export-format.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { freshD1Store } from "./d1-store.ts";

// A register exported on Node (test/workers/register-export-fixture.ts) goes
// into an empty D1 through the Worker's admin endpoint, the way an operator
// moves a register: a first admin token made with `./dev cli token sql`, then
// POST the file. The Worker then exports it again, and the file must come
// back as it went in. test/node/register-transfer.test.ts imports the very
// same file on Node, closing the round trip.

const worker = (exports as unknown as { default: Fetcher }).default;
const fixture = env.REGISTER_EXPORT;
const call = (path: string, token: string, init: RequestInit = {}) =>
  worker.fetch(`https://register.test${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
const importFile = (token: string, body: string) => call("/api/v1/admin/register-import", token, { method: "POST", body });

/** A new D1 at the latest migration holding only what `./dev cli token sql` printed, run as `wrangler d1 execute --file` would. */
async function newD1WithFirstToken() {
  const store = await freshD1Store();
  const statements = fixture.bootstrap.sql.split("\n").filter((line) => line.trim() !== "");
  await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
  return store;
}

describe("moving a register from Node to a Worker", () => {
  it("imports a Node export into an empty D1, with the head, checkpoints and documents it had, and exports it again unchanged", async () => {
    const store = await newD1WithFirstToken();
    const input = JSON.parse(fixture.text) as RegisterExport;
    expect(input.tables.audit_entries?.length).toBeGreaterThan(40);

    const imported = await importFile(fixture.bootstrap.token, fixture.text);
    expect(imported.status, await imported.clone().text()).toBe(201);
    const result = (await imported.json()) as {
      rows: Record<string, number>;
      chain: { entries: number; head: string };
      verification: { ok: boolean; head: string; problems: unknown[]; checkpoints: { checked: number } };
    };
    expect(result.chain).toEqual({ entries: input.chain.entries, head: input.chain.head });
    expect(result.verification).toMatchObject({ ok: true, head: input.chain.head, problems: [], checkpoints: { checked: 3 } });
    expect(result.rows.audit_entries).toBe(input.tables.audit_entries?.length);
    expect((await walkChain(store)).head).toBe(input.chain.head);

    // The first-admin token made for the empty D1 is gone; the register's own admin token works.
    expect((await call("/api/v1/tokens", fixture.bootstrap.token)).status).toBe(401);

    // Every document exported on Node as of three past instants renders to the same bytes from D1.
    for (const exported of fixture.exports) {
      const verification = (await (await call(`/api/v1/exports/${exported.id}/verify`, fixture.adminToken)).json()) as {
        verified: boolean;
        regeneratedSha256: string;
      };
      expect(verification, exported.asOf).toMatchObject({ verified: true, regeneratedSha256: exported.sha256 });
    }

    const again = await call("/api/v1/admin/register-export", fixture.adminToken);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-disposition")).toMatch(/^attachment; filename="register-export_\d{4}-\d\d-\d\dT\d{6}Z\.json"$/);
    const text = await again.text();
    const output = JSON.parse(text) as RegisterExport;
    expect(output.chain).toEqual(input.chain);
    // Byte for byte, line by line: only when it was made, its digest, and the usage mark of the token that asked differ.
    const differing = text
      .split("\n")
      .map((line, i) => [line, fixture.text.split("\n")[i]] as const)
      .filter(([mine, theirs]) => mine !== theirs);
    expect(differing.map(([line]) => line.trim().slice(0, 100))).toEqual([
      expect.stringMatching(/^"exportedAt": /),
      expect.stringMatching(/^"contentSha256": /),
      expect.stringMatching(/^\{"id":"[^"]+","name":"register admin"/),
    ]);
    const usage = (rows: RegisterExport["tables"][string] = []) => rows.map(({ last_used_at: _l, ...row }) => row);
    expect(usage(output.tables.api_tokens)).toEqual(usage(input.tables.api_tokens));
    // With that mark as it was, the content is the Node export's exactly.
    const marked = { ...output, tables: { ...output.tables, api_tokens: input.tables.api_tokens ?? [] } };
    expect(contentSha256(marked)).toBe(input.contentSha256);
  });

  it("refuses a file whose audit chain was edited, writing nothing: the first-admin token still works", async () => {
    const store = await newD1WithFirstToken();
    const input = JSON.parse(fixture.text) as RegisterExport;
    const entries = input.tables.audit_entries ?? [];
    const victim = entries[9] as Record<string, unknown>;
    victim.actor_name = "someone else";
    // A consistent digest, so the chain itself must catch it.
    const forged = { ...input, contentSha256: contentSha256(input) };
    const before = await snapshot(store);

    const refused = await importFile(fixture.bootstrap.token, JSON.stringify(forged));
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { detail: string };
    expect(problem.detail).toContain(`broken at entry ${victim.seq}`);
    expect(await snapshot(store)).toEqual(before);
    expect((await call("/api/v1/tokens", fixture.bootstrap.token)).status).toBe(200);

    const cut = await importFile(fixture.bootstrap.token, fixture.text.replace(/,\n\s+\{"seq":45,[^\n]*/, ""));
    expect(cut.status).toBe(422);
    expect(((await cut.json()) as { detail: string }).detail).toContain("does not match its contentSha256");
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses to import into a D1 that holds a register, writing nothing", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const { token } = await createToken(makeCtx(store, SYSTEM_ACTOR), { name: "admin", role: "admin" });
    const before = await snapshot(store);
    const refused = await importFile(token, fixture.text);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain("The register is not empty");
    expect(await snapshot(store)).toEqual(before);
  });
});
