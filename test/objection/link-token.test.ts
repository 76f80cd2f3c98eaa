import { describe, expect, it } from "vitest";
import { appSecrets } from "../../db/schema.ts";
import {
  checkObjectionToken,
  existingObjectionLinks,
  LINK_GRACE_DAYS,
  linkExpiry,
  objectionLinks,
} from "../../src/core/changes/announcement/objection-link.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { fromBase64url, toBase64url } from "../../src/core/kernel/secrets/base64url.ts";
import { settableClock } from "../helpers/clocks.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const NOTICE = { id: "01900000-0000-7000-8000-00000000000a", closesAt: "2026-12-07T23:00:00.000Z" };
const OTHER = { id: "01900000-0000-7000-8000-00000000000b", closesAt: "2026-12-07T23:00:00.000Z" };

function world() {
  const clock = settableClock("2026-11-20T09:00:00.000Z");
  return { clock, ctx: makeCtx(memoryStore(), SYSTEM_ACTOR, clock) };
}

describe("objection link tokens", () => {
  it("name one notice, expire 30 days after its window closes, and check out until then", async () => {
    const { clock, ctx } = world();
    const token = (await objectionLinks(ctx)).token(NOTICE);
    const expires = Date.parse(NOTICE.closesAt) / 1000 + LINK_GRACE_DAYS * 86_400;
    expect(linkExpiry(NOTICE.closesAt)).toBe(expires);
    expect(token).toMatch(new RegExp(`^${NOTICE.id}\\.${expires}\\.[A-Za-z0-9_-]{43}$`));
    expect(await checkObjectionToken(ctx, token)).toEqual({ status: "valid", noticeId: NOTICE.id, expiresAt: "2027-01-06T23:00:00.000Z" });
    clock.set("2027-01-06T22:59:59.999Z");
    expect((await checkObjectionToken(ctx, token)).status).toBe("valid");
    clock.set("2027-01-06T23:00:00.000Z");
    expect(await checkObjectionToken(ctx, token)).toEqual({
      status: "expired",
      noticeId: NOTICE.id,
      expiresAt: "2027-01-06T23:00:00.000Z",
    });
  });

  it("carry the standard HMAC-SHA256 of the notice and expiry, as WebCrypto computes it with the stored key", async () => {
    const { ctx } = world();
    const links = await objectionLinks(ctx);
    const [row] = await ctx.store.db.select().from(appSecrets);
    const key = await crypto.subtle.importKey(
      "raw",
      fromBase64url(row?.value ?? "") as Uint8Array<ArrayBuffer>,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    for (let i = 0; i < 200; i++) {
      const notice = { id: crypto.randomUUID(), closesAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_017).toISOString() };
      const expires = linkExpiry(notice.closesAt);
      const mac = new Uint8Array(
        await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`objection-link/v1:${notice.id}.${expires}`)),
      );
      expect(links.token(notice)).toBe(`${notice.id}.${expires}.${toBase64url(mac)}`);
    }
  });

  it("cannot be moved to another notice, re-dated or re-spelt", async () => {
    const { ctx } = world();
    const links = await objectionLinks(ctx);
    const token = links.token(NOTICE);
    const [, expires, signature] = token.split(".") as [string, string, string];
    expect(links.token(OTHER)).not.toBe(token);
    // The last character carries 4 bits of the MAC and 2 unused ones: flipping an unused bit spells the same bytes differently.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sameBytes = signature.slice(0, -1) + alphabet.charAt(alphabet.indexOf(signature.at(-1) as string) ^ 1);
    expect(Buffer.from(sameBytes, "base64url")).toEqual(Buffer.from(signature, "base64url"));
    for (const forged of [
      `${OTHER.id}.${expires}.${signature}`,
      `${NOTICE.id}.${Number(expires) + 1}.${signature}`,
      `${NOTICE.id}.${expires}.${sameBytes}`,
      `${NOTICE.id}.${expires}.${signature}A`,
      "",
      "a.b.c",
    ]) {
      if (forged === token) continue;
      expect(await checkObjectionToken(ctx, forged), forged).toEqual({ status: "invalid" });
    }
  });

  it("are refused by another installation (another key), and checking writes no key", async () => {
    const a = world();
    const b = world();
    const token = (await objectionLinks(a.ctx)).token(NOTICE);
    expect(await checkObjectionToken(b.ctx, token)).toEqual({ status: "invalid" });
    expect(await existingObjectionLinks(b.ctx)).toBeNull();
    expect(await b.ctx.store.db.select().from(appSecrets)).toEqual([]);
  });

  it("share one key between signers that race to make it", async () => {
    const { ctx } = world();
    const [first, second] = await Promise.all([objectionLinks(ctx), objectionLinks(ctx)]);
    expect(first.token(NOTICE)).toBe(second.token(NOTICE));
    expect(await ctx.store.db.select().from(appSecrets)).toHaveLength(1);
  });

  it("start with the configured base URL, else http://localhost:3000", async () => {
    const { ctx } = world();
    expect((await objectionLinks(ctx)).url(NOTICE)).toMatch(/^http:\/\/localhost:3000\/object\/01900000-/);
    expect((await objectionLinks({ ...ctx, publicBaseUrl: "https://dpa.example.com/" })).url(NOTICE)).toMatch(
      /^https:\/\/dpa\.example\.com\/object\/01900000-/,
    );
  });
});

describe("base64url", () => {
  it("matches Node's encoding for every length and decodes only canonical text", () => {
    for (let length = 0; length < 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(fromBase64url("AB")).toBeNull(); // "AA" is the canonical spelling of that byte
    expect(fromBase64url("A+")).toBeNull();
    expect(fromBase64url("A")).toBeNull();
  });
});
