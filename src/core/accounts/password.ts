import { scryptAsync } from "@noble/hashes/scrypt.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

/**
 * Password hashing with scrypt, in pure JavaScript so the same code runs on
 * Node and in a Worker (WebCrypto has no memory-hard KDF, and the Worker
 * caps PBKDF2 at 100,000 iterations, below OWASP's 600,000).
 *
 * N=2^15, r=8, p=3 is one of OWASP's equivalent scrypt settings (32 MiB, well
 * inside a Worker's 128 MB). Hashes carry their parameters, so raising the
 * cost later leaves existing passwords verifiable.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * scrypt itself: pure JavaScript by default, which runs everywhere but on the
 * caller's thread; the Node entry hands in node:crypto's, which runs on
 * libuv's thread pool and leaves the event loop to other requests. Both give
 * the same bytes for the same input (RFC 7914).
 */
export type Kdf = (password: string, salt: Uint8Array, cost: ScryptCost, keyBytes: number) => Promise<Uint8Array>;

export const pureKdf: Kdf = (password, salt, cost, keyBytes) =>
  scryptAsync(password, salt, { ...cost, dkLen: keyBytes, maxmem: 256 * 1024 * 1024 });

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST, kdf: Kdf = pureKdf): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(password, salt, cost, kdf);
  return ["scrypt", cost.N, cost.r, cost.p, bytesToHex(salt), bytesToHex(key)].join("$");
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string, kdf: Kdf = pureKdf): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost, kdf);
  return constantTimeEqual(key, parsed.key);
}

/** True when a hash was made with a cost other than the current one, so it should be redone at the next sign-in. */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p;
}

/**
 * A hash nobody's password matches, verified when the e-mail is unknown so
 * that sign-in takes as long for unknown accounts as for known ones.
 */
export const UNKNOWN_USER_HASH = `scrypt$${DEFAULT_COST.N}$${DEFAULT_COST.r}$${DEFAULT_COST.p}$${"00".repeat(16)}$${"00".repeat(KEY_BYTES)}`;

function derive(password: string, salt: Uint8Array, cost: ScryptCost, kdf: Kdf): Promise<Uint8Array> {
  return kdf(password.normalize("NFKC"), salt, cost, KEY_BYTES);
}

function parseHash(stored: string): { cost: ScryptCost; salt: Uint8Array; key: Uint8Array } | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  try {
    return { cost: { N, r, p }, salt: hexToBytes(parts[4] ?? ""), key: hexToBytes(parts[5] ?? "") };
  } catch {
    return null;
  }
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
