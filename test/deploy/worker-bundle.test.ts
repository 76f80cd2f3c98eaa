// The Worker as it is deployed: the bundle `wrangler deploy` uploads (minified, names mangled, the
// wrangler.toml stand-ins in place), run in workerd over a local D1 database. The Worker suites run
// the sources through vitest's own bundler; only this one runs the very bytes Cloudflare would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { hashPassword } from "../../src/core/accounts/password.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const ORIGIN = "https://register.test";
const PASSWORD = "a deployed-bundle password";
let out: string;
let mf: Miniflare;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "deployed-worker-"));
  const wrangler = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (wrangler.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${wrangler.stderr}${wrangler.stdout}`);
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: join(out, "worker.js"),
      modulesRoot: out,
      compatibilityDate: /compatibility_date = "([^"]+)"/.exec(toml)?.[1],
      compatibilityFlags: ["nodejs_compat"],
      d1Databases: { DB: "deployed-bundle-test" },
    }),
  );
  // What `wrangler d1 migrations apply` does: every migration, in order.
  const db = await mf.getD1Database("DB");
  const migrations = readdirSync(join(ROOT, "db/migrations"))
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const file of migrations) {
    const statements = readFileSync(join(ROOT, "db/migrations", file), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    await db.batch(statements.map((s) => db.prepare(s)));
  }
  const now = new Date().toISOString();
  await db
    .prepare(
      "insert into users (id, email, name, role, password_hash, created_at, updated_at, failed_sign_ins, revision) values (?, ?, ?, ?, ?, ?, ?, 0, 1)",
    )
    .bind(
      "01a00000-0000-7000-8000-000000000001",
      "dpo@example.test",
      "Dana",
      "admin",
      await hashPassword(PASSWORD, { N: 16, r: 1, p: 1 }),
      now,
      now,
    )
    .run();
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
  if (out) rmSync(out, { recursive: true, force: true });
});

const call = (path: string, init: RequestInit = {}) => mf.dispatchFetch(`${ORIGIN}${path}`, { redirect: "manual", ...init } as never);

describe("the deployed Worker bundle", () => {
  it("answers its health check and describes its API", async () => {
    expect((await call("/health")).status).toBe(200);
    const description = await call("/api/openapi.json");
    expect(description.status).toBe(200);
    // The stand-ins for parts of zod (wrangler.toml [alias]) leave the document as Node serves it.
    const store = memoryStore();
    try {
      expect(await description.json()).toEqual(await (await createApp({ store }).request("/api/openapi.json")).json());
    } finally {
      store.close();
    }
  });

  it("signs a person in and serves the admin UI in their browser's language", async () => {
    const refused = await call("/admin/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "accept-language": "nl-BE" },
      body: new URLSearchParams({ email: "dpo@example.test", password: "not the password" }).toString(),
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("Het e-mailadres of het wachtwoord klopt niet.");

    const signIn = await call("/admin/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: new URLSearchParams({ email: "dpo@example.test", password: PASSWORD }).toString(),
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const dashboard = await call("/admin", { headers: { cookie, "accept-language": "fr-BE" } });
    expect(dashboard.status).toBe(200);
    const page = await dashboard.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("Sous-traitants ultérieurs");

    // A PDF: pdfkit and fontkit, minified, with the Worker's stand-ins.
    const pdf = await call("/admin/documents/art30-processor/download?format=pdf", { headers: { cookie } });
    expect(pdf.status, await pdf.clone().text()).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });
});
