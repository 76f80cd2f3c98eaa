import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { toBase64url } from "../kernel/secrets/base64url.ts";

/** Secrets are 256 random bits; a prefix makes a leaked token recognisable to secret scanners. */
const PREFIX = "dpar_";

export function newTokenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return PREFIX + toBase64url(bytes);
}

/**
 * SHA-256 is the right hash here: unlike passwords, the secrets are random
 * and long, so a slow hash adds nothing, and lookup by hash stays one query.
 * Hashed synchronously (@noble/hashes, on Node and Workers alike): a short
 * secret hashes in microseconds, far less than a round trip through
 * WebCrypto's promise and thread pool on every request.
 */
export function hashTokenSecret(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}
