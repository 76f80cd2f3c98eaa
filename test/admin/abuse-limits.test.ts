import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEntries, objections, outbox, users } from "../../db/schema.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { MAX_FAILED_SIGN_INS } from "../../src/core/accounts/sessions.ts";
import { emailOf, makeAdminUi, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import { changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import { settableClock } from "../helpers/clocks.ts";
import { memoryStore } from "../helpers/sqlite.ts";

// Sign-in guesses and customer-link submissions are bounded, and the bounds
// hold when the requests arrive all at once.

const START = "2026-11-21T09:00:00.000Z";
const GENEROUS = { signInPerAddress: { attempts: 1000, seconds: 60 }, signInPerAccount: { attempts: 1000, seconds: 60 } };
const byAddress = { clientAddress: (c: { req: { header(name: string): string | undefined } }) => c.req.header("x-test-address") };

describe("sign-in lockout", () => {
  it("locks the account under 40 wrong passwords sent in parallel, and then refuses the right one", async () => {
    const store = memoryStore();
    const ui = await makeAdminUi(store, settableClock(START), undefined, { rateLimits: GENEROUS });
    const email = emailOf("editor");
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ui.post("/admin/sign-in", { email, password: `wrong password ${i}` }, null)),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const [row] = await store.db.select().from(users).where(eq(users.email, email));
    expect(row?.lockedUntil).not.toBeNull();
    // Every guess counted: 40 in a row is eight lockouts' worth, and the count ends back at zero.
    expect(row?.failedSignIns).toBe(40 % MAX_FAILED_SIGN_INS);
    const right = await ui.post("/admin/sign-in", { email, password: TEST_PASSWORD }, null);
    expect(right.status).toBe(401);
    expect(await right.text()).toContain("this account is locked");
    expect(right.headers.get("set-cookie")).toBeNull();
    // Every guess and the lockout are in the audit chain, which still holds.
    const entries = await store.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, "user"), eq(auditEntries.entityId, row?.id as string)));
    expect(entries.filter((e) => e.action === "sign_in_failed")).toHaveLength(40);
    expect(entries.filter((e) => e.action === "lock").length).toBeGreaterThanOrEqual(1);
    expect((await walkChain(store)).broken).toBeNull();
  });

  it("puts sign-ins and sign-outs on the record, named by the person", async () => {
    const store = memoryStore();
    const ui = await makeAdminUi(store, settableClock(START));
    const session = await ui.signIn("admin");
    expect((await ui.post("/admin/sign-out", {}, session)).status).toBe(303);
    const entries = await store.db.select().from(auditEntries).where(eq(auditEntries.entityType, "user"));
    const security = entries.filter((e) => e.action === "sign_in" || e.action === "sign_out");
    expect(security.map((e) => [e.action, e.actorName])).toEqual([
      ["sign_in", "Test admin <admin@example.test>"],
      ["sign_out", "Test admin <admin@example.test>"],
    ]);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once one address has spent its sign-in attempts, and again after the wait", async () => {
    const clock = settableClock(START);
    const ui = await makeAdminUi(memoryStore(), clock, undefined, {
      ...byAddress,
      rateLimits: { signInPerAddress: { attempts: 3, seconds: 60 } },
    });
    const attempt = (address: string, email = "nobody@example.test") =>
      ui.post("/admin/sign-in", { email, password: "a wrong password" }, null, { headers: { "x-test-address": address } });
    const flood = await Promise.all(Array.from({ length: 8 }, () => attempt("203.0.113.7")));
    expect(flood.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    const refused = flood.find((r) => r.status === 429) as Response;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many sign-in attempts");
    // Another address is not held back by the first one's flood.
    expect((await attempt("198.51.100.2")).status).toBe(401);
    clock.set("2026-11-21T09:00:20.000Z");
    expect((await attempt("203.0.113.7")).status).toBe(401);
  });

  it("bounds guesses at one account from many addresses", async () => {
    const ui = await makeAdminUi(memoryStore(), settableClock(START), undefined, {
      ...byAddress,
      rateLimits: { signInPerAccount: { attempts: 4, seconds: 300 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await ui.post("/admin/sign-in", { email: emailOf("admin"), password: "a wrong password" }, null, {
        headers: { "x-test-address": `192.0.2.${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429]);
  });
});

describe("the customer's objection link", () => {
  async function linkWorld(limit: { attempts: number; seconds: number }) {
    const w = await changeWorld();
    const ui = await makeAdminUi(w.store, w.clock, undefined, { rateLimits: { objectionsPerLink: limit } });
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const [notice] = (await noticesOf(w.t, change.id)).filter((n) => n.kind === "objection_window");
    const mail = (await w.store.db.select().from(outbox)).find((m) => m.relatedId === notice?.id);
    const link = /http:\/\/localhost:3000(\/object\/\S+)/.exec(mail?.body ?? "")?.[1] as string;
    const send = (grounds: string) => ui.post(link, { grounds, name: "An Peeters", email: "an@peeters.example" }, null);
    const alerts = async () => (await w.store.db.select().from(outbox)).filter((m) => m.kind === "objection_alert").length;
    return { w, send, alerts, noticeId: notice?.id as string };
  }

  it("records an identical resubmission once and shows the same receipt", async () => {
    const { w, send, alerts, noticeId } = await linkWorld({ attempts: 100, seconds: 3600 });
    const grounds = "We have not audited this vendor.";
    const pages = await Promise.all([send(grounds), send(grounds), send(grounds)]);
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    const stored = await w.store.db.select().from(objections).where(eq(objections.noticeId, noticeId));
    expect(stored).toHaveLength(1);
    for (const page of pages) expect(await page.text()).toContain(stored[0]?.id);
    expect(await alerts()).toBe(1);
  });

  it("answers 429 once a link has sent its share, recording nothing more and e-mailing nobody", async () => {
    const { w, send, alerts, noticeId } = await linkWorld({ attempts: 3, seconds: 3600 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(`Objection number ${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(await w.store.db.select().from(objections).where(eq(objections.noticeId, noticeId))).toHaveLength(3);
    expect(await alerts()).toBe(3);
  });
});

describe("public links", () => {
  it("come from PUBLIC_BASE_URL, whatever Host a request claims", async () => {
    const w = await changeWorld();
    const ui = await makeAdminUi(w.store, w.clock, "https://dpa.clearfacts.example");
    const feed = await ui.app.request("http://evil.example/public/sub-processors.atom", { headers: { host: "evil.example" } });
    const atom = await feed.text();
    expect(feed.status).toBe(200);
    expect(atom).toContain("https://dpa.clearfacts.example/public/sub-processors");
    expect(atom).not.toContain("evil.example");
    const proposed = await ui.app.request("http://evil.example/api/v1/sub-processor-changes", {
      method: "POST",
      headers: { host: "evil.example", authorization: `Bearer ${w.t.tokens.procurement}`, "content-type": "application/json" },
      body: JSON.stringify(ocrProposal(w.maintenance)),
    });
    expect(proposed.status).toBe(201);
    const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_notice");
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.body).toContain("https://dpa.clearfacts.example/object/");
      expect(mail.body).not.toContain("evil.example");
    }
  });
});
