import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256HexJavaScript, sha256HexSync, sha256Implementation } from "../../../src/core/kernel/secrets/sha256.ts";

describe("synchronous SHA-256", () => {
  it("uses Node's own hash on Node", () => {
    expect(sha256Implementation).toBe("native");
  });

  it("gives the published digests", () => {
    expect(sha256HexSync("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexSync("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("gives the digest of the JavaScript implementation for any text, lone surrogates included (so stored hashes keep verifying)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 })), (text) => {
        expect(sha256HexSync(text)).toBe(sha256HexJavaScript(text));
      }),
      { numRuns: 500 },
    );
    expect(sha256HexSync("a\uD800b")).toBe(sha256HexJavaScript("a\uFFFDb"));
  });
});
