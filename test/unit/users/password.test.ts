import { describe, expect, it } from "vitest";
import { DEFAULT_COST, hashPassword, needsRehash, UNKNOWN_USER_HASH, verifyPassword } from "../../../src/core/users/password.ts";

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
