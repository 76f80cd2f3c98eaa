import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterAll, describe, expect, it } from "vitest";
import { type Checkpoint, checkpointKeys, signatureHolds } from "../../src/core/kernel/audit/checkpoints.ts";
import type { VerificationReport } from "../../src/core/evidence/verification-report.ts";
import { verifyRegister } from "../../src/core/evidence/verify-register.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { TAMPER_KINDS } from "../audit/tamper-kinds.ts";
import { buildRegister, type RawDb } from "../audit/tamper-register.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { freshD1Store } from "./d1-store.ts";
import entry from "../../src/entry/worker.ts";
import { auditCheckpoints, verificationRuns } from "../../db/schema.ts";

const worker = (exports as unknown as { default: Fetcher }).default;
const call = (path: string, init?: RequestInit) => worker.fetch(`https://register.test${path}`, init);

const raw: RawDb = {
  all: async (sql, ...params) =>
    (
      await env.DB.prepare(sql)
        .bind(...params)
        .all()
    ).results as Record<string, unknown>[],
  run: async (sql, ...params) => {
    await env.DB.prepare(sql)
      .bind(...params)
      .run();
  },
};

const detected: string[] = [];
afterAll(() => {
  console.log(`D1: ${detected.length} of ${TAMPER_KINDS.length} tamper kinds detected`);
});

describe("verify over D1", () => {
  it.each(TAMPER_KINDS.map((kind) => [kind.name, kind] as const))("detects %s", async (name, kind) => {
    const r = await buildRegister(await freshD1Store(), raw);
    const verify = () =>
      verifyRegister(makeCtx(r.store, SYSTEM_ACTOR), {
        trigger: "cli",
        trustedKeys: [r.signer.publicKey],
        externalCheckpoints: (kind.withPublished ? r.published : []) as Checkpoint[],
        record: false,
      });
    expect((await verify()).problems).toEqual([]);
    const expected = await kind.tamper(r);
    const report = await verify();
    expect(report.ok).toBe(false);
    const named = report.problems.filter(
      (p) =>
        (expected.seq === undefined || p.seq === expected.seq) &&
        (expected.subject === undefined || (p.subject ?? "").includes(expected.subject)),
    );
    expect(named, JSON.stringify(report.problems)).not.toEqual([]);
    detected.push(name);
  });
});

describe("the Worker signs with its CHECKPOINT_KEY secret", () => {
  it("signs exports, publishes the checkpoints and verifies the register through the admin endpoint", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const admin = { authorization: `Bearer ${(await createToken(makeCtx(store, SYSTEM_ACTOR), { name: "admin", role: "admin" })).token}` };
    const exported = await call("/api/v1/documents/annex/CF-DPA-2024-001?format=json", { headers: admin });
    expect(exported.status).toBe(200);
    const { meta } = (await exported.json()) as { meta: { checkpoint: Checkpoint } };
    const keys = await checkpointKeys(env.CHECKPOINT_KEY, undefined);
    expect(meta.checkpoint.publicKey).toBe(keys.signer?.publicKey);
    expect(await signatureHolds(meta.checkpoint)).toBe(true);
    expect(exported.headers.get("audit-checkpoint")).toContain(`size=${meta.checkpoint.size}; head=${meta.checkpoint.head}`);

    const published = (await (await call("/public/checkpoints")).json()) as { checkpoints: Checkpoint[]; keys: { publicKey: string }[] };
    expect(published.checkpoints).toEqual([meta.checkpoint]);
    expect(published.keys.map((k) => k.publicKey)).toEqual([keys.signer?.publicKey]);

    const report = (await (await call("/api/v1/verifications", { method: "POST", headers: admin })).json()) as VerificationReport;
    expect(report).toMatchObject({ ok: true, checkpoints: { checked: 1, latest: meta.checkpoint } });
  });
});

describe("the Worker's cron trigger", () => {
  it("signs the chain when it has grown and verifies the register once a day", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const tick = async () => {
      const execution = createExecutionContext();
      await entry.scheduled(createScheduledController({ cron: "* * * * *" }), env as never, execution);
      await waitOnExecutionContext(execution);
    };
    await tick();
    const checkpoints = await store.db.select().from(auditCheckpoints);
    expect(checkpoints).toHaveLength(1);
    expect(await signatureHolds(checkpoints[0] as Checkpoint)).toBe(true);
    const runs = await store.db.select().from(verificationRuns);
    expect(runs).toEqual([expect.objectContaining({ trigger: "daily", ok: true, problems: [] })]);
    // Nothing written since, and verified less than a day ago: the next minute's tick adds nothing.
    await tick();
    expect(await store.db.select().from(auditCheckpoints)).toHaveLength(1);
    expect(await store.db.select().from(verificationRuns)).toHaveLength(1);
  });
});
