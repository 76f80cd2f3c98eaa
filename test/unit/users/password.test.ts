import { describe, expect, it } from "vitest";
import { DEFAULT_COST, hashPassword, needsRehash, UNKNOWN_USER_HASH, verifyPassword } from "../../../src/core/accounts/password.ts";

const CHEAP = { N: 16, r: 1, p: 1 };

describe("password hashes", () => {
  it("use scrypt at OWASP's N=2^15, r=8, p=3 by default, with a random salt each time", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stable", a)).toBe(false);
  });

  it("verify with the parameters stored in the hash, so a raised cost keeps old hashes valid", async () => {
    const old = await hashPassword("s3cret passphrase", CHEAP);
    expect(await verifyPassword("s3cret passphrase", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, CHEAP)).toBe(false);
  });

  it("treat composed and decomposed Unicode as the same password (NFKC)", async () => {
    const stored = await hashPassword("Ångström-passwort", CHEAP);
    expect(await verifyPassword("A\u030Angstro\u0308m-passwort", stored)).toBe(true);
  });

  it.each(["", "plain", "scrypt$0$8$1$00$00", "scrypt$x$8$1$00$00", "bcrypt$1$2$3$4$5", "scrypt$16$1$1$zz$zz"])(
    "never match a malformed stored hash (%s)",
    async (stored) => {
      expect(await verifyPassword("anything", stored)).toBe(false);
    },
  );

  it("have a stand-in for unknown accounts that no password matches, at the default cost", async () => {
    expect(needsRehash(UNKNOWN_USER_HASH, DEFAULT_COST)).toBe(false);
    expect(await verifyPassword("", UNKNOWN_USER_HASH)).toBe(false);
  });
});

describe("node:crypto's scrypt for the Node entry", () => {
  it("gives the same hashes as the pure-JS one, both ways", async () => {
    const { nodeKdf } = await import("../../../src/platform/node/node-kdf.ts");
    const cost = { N: 1024, r: 8, p: 1 };
    const native = nodeKdf(1);
    const byPure = await hashPassword("correct horse battery staple", cost);
    const byNative = await hashPassword("correct horse battery staple", cost, native);
    expect(await verifyPassword("correct horse battery staple", byPure, native)).toBe(true);
    expect(await verifyPassword("correct horse battery staple", byNative)).toBe(true);
    expect(await verifyPassword("wrong horse battery staple", byNative, native)).toBe(false);
  });

  it("runs tasks at most n at a time, in the order they came", async () => {
    const { limitConcurrency } = await import("../../../src/platform/node/node-kdf.ts");
    const limited = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (i === 3) throw new Error("a failing task frees its slot too");
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => limited(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
  });

  it("refuses a task at once, as too many requests, when the queue is full", async () => {
    const { limitConcurrency } = await import("../../../src/platform/node/node-kdf.ts");
    const limited = limitConcurrency(1, 2);
    let release = () => {};
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const held = [limited(() => blocker), limited(async () => 1), limited(async () => 2)];
    await expect(limited(async () => 3)).rejects.toMatchObject({ code: "too_many_requests" });
    release();
    expect(await Promise.all(held)).toEqual([undefined, 1, 2]);
  });
});
