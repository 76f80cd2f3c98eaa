import * as ed from "@noble/ed25519";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { sha256HexSync } from "../secrets/sha256.ts";
import canonicalize from "canonicalize";
import { desc, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { auditCheckpoints, auditEntries } from "../../../../db/schema.ts";
import type { CheckpointSigner, Clock } from "../context.ts";
import type { Db, Store } from "../ports/store.ts";
import { fromBase64url, toBase64url } from "../secrets/base64url.ts";
import { GENESIS } from "./audit-chain.ts";

/**
 * A checkpoint is the service's signed statement that the audit chain had
 * `size` entries and that the newest of them hashed to `head`, at `at`. The
 * signing key lives outside the database (a file or environment variable on
 * Node, a secret on Workers), so someone who can edit the database can still
 * rewrite the chain consistently, but cannot sign the result: every checkpoint
 * a third party kept stops matching. Checkpoints are published (public
 * endpoint, Atom feed, every exported document) for that reason.
 */
export const Checkpoint = z.object({
  size: z.int().min(0).describe("Entries in the audit chain the checkpoint covers."),
  head: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 (hex) of the newest entry it covers; 64 zeros for an empty chain."),
  at: z.string().describe("When it was signed (ISO 8601, UTC)."),
  keyId: z.string().describe("The first 16 hex digits of the SHA-256 of the public key."),
  publicKey: z.string().describe("The Ed25519 public key, base64url."),
  signature: z
    .string()
    .describe(`Ed25519 signature (base64url) of the RFC 8785 JSON {"format":"dpa-register-checkpoint/1","head","at","size"}.`),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const CHECKPOINT_FORMAT = "dpa-register-checkpoint/1";

/** The bytes a checkpoint's signature covers. */
export function checkpointMessage(c: Pick<Checkpoint, "size" | "head" | "at">): Uint8Array {
  return utf8ToBytes(canonicalize({ format: CHECKPOINT_FORMAT, size: c.size, head: c.head, at: c.at }) ?? "");
}

/** Signs checkpoints with one Ed25519 key. */
export type { CheckpointSigner };

export const keyIdOf = (publicKey: string): string => sha256HexSync(publicKey).slice(0, 16);

/** A signer from a 32-byte Ed25519 private key (seed), base64url; throws a message an operator can act on. */
export async function signerFromKey(privateKey: string): Promise<CheckpointSigner> {
  const seed = fromBase64url(privateKey.trim());
  if (seed?.length !== 32)
    throw new Error(
      "The checkpoint signing key must be 32 bytes in base64url (43 characters); make one with `./dev cli checkpoint new-key`.",
    );
  const publicKey = toBase64url(await ed.getPublicKeyAsync(seed));
  return { keyId: keyIdOf(publicKey), publicKey, sign: async (message) => toBase64url(await ed.signAsync(message, seed)) };
}

/** A new private key and its public key, both base64url. */
export async function newSigningKey(): Promise<{ privateKey: string; publicKey: string; keyId: string }> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  const pub = toBase64url(publicKey);
  return { privateKey: toBase64url(secretKey), publicKey: pub, keyId: keyIdOf(pub) };
}

/** How a checkpoint stands against the chain as walked from the start. */
export type CheckpointStanding = "forged" | "untrusted" | "beyond-chain" | "not-extended" | "holds";

/**
 * Checks a checkpoint against the chain (`positions`: the entry at each chain
 * position, as a walk gives them): its signature, that its key is trusted,
 * and that the chain still extends it. Callers word the outcome for their
 * reader (the verification report, an import refused).
 */
export async function checkpointStanding(
  c: Checkpoint,
  positions: readonly { hash: string }[],
  trusted: ReadonlySet<string>,
): Promise<CheckpointStanding> {
  if (!(await signatureHolds(c))) return "forged";
  if (!trusted.has(c.publicKey)) return "untrusted";
  if (c.size > positions.length) return "beyond-chain";
  return (c.size === 0 ? GENESIS : positions[c.size - 1]?.hash) === c.head ? "holds" : "not-extended";
}

/** Whether the signature is the public key's signature of the checkpoint (says nothing about trusting the key). */
export async function signatureHolds(c: Checkpoint): Promise<boolean> {
  const publicKey = fromBase64url(c.publicKey);
  const signature = fromBase64url(c.signature);
  if (publicKey?.length !== 32 || signature?.length !== 64 || keyIdOf(c.publicKey) !== c.keyId) return false;
  try {
    return await ed.verifyAsync(signature, checkpointMessage(c), publicKey);
  } catch {
    return false;
  }
}

/**
 * The chain's size and head, read in one statement so they belong together
 * while others write. The size is the last linked entry's seq: the store
 * numbers entries 1, 2, 3… without a gap (the next is max + 1, and seq is the
 * primary key), so that number is the chain's length, read from the key
 * instead of counting every entry (72 ms at 45,000 entries, on every export).
 * An entry deleted from the middle does not go unnoticed: the walk finds the
 * broken link.
 */
export async function chainHead(db: Db): Promise<{ size: number; head: string }> {
  const [row] = await db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .where(isNotNull(auditEntries.hash))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return { size: row?.seq ?? 0, head: row?.hash ?? GENESIS };
}

/**
 * Signs the chain as it stands and keeps the checkpoint, unless the newest one
 * already covers the same head: a quiet register is not signed again and again.
 */
export async function signCheckpoint(store: Store, signer: CheckpointSigner, clock: Clock): Promise<Checkpoint> {
  const { size, head } = await chainHead(store.db);
  const [latest] = await store.db.select().from(auditCheckpoints).where(sql`${auditCheckpoints.size} = ${size}`);
  if (latest && latest.head === head && latest.keyId === signer.keyId) return latest;
  const at = clock.now().toISOString();
  const checkpoint: Checkpoint = {
    size,
    head,
    at,
    keyId: signer.keyId,
    publicKey: signer.publicKey,
    signature: await signer.sign(checkpointMessage({ size, head, at })),
  };
  // Two signers racing for one size both sign the same head; the first one kept stands.
  await store.atomic([store.db.insert(auditCheckpoints).values(checkpoint).onConflictDoNothing()]);
  const [kept] = await store.db.select().from(auditCheckpoints).where(sql`${auditCheckpoints.size} = ${size}`);
  return kept ?? checkpoint;
}

/** Checkpoints, newest first. */
export async function listCheckpoints(db: Db, limit = 100, beforeSize?: number): Promise<Checkpoint[]> {
  const where = beforeSize === undefined ? undefined : sql`${auditCheckpoints.size} < ${beforeSize}`;
  return db.select().from(auditCheckpoints).where(where).orderBy(desc(auditCheckpoints.size)).limit(limit);
}

export async function checkpointOfSize(db: Db, size: number): Promise<Checkpoint | null> {
  const [found] = await db.select().from(auditCheckpoints).where(sql`${auditCheckpoints.size} = ${size}`);
  return found ?? null;
}

export async function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  const [latest] = await listCheckpoints(db, 1);
  return latest ?? null;
}

/** One line for a document footer or an HTTP header: size, head, key and signature. */
export const checkpointLine = (c: Checkpoint): string =>
  `size=${c.size}; head=${c.head}; at=${c.at}; key=${c.keyId}; publicKey=${c.publicKey}; signature=${c.signature}`;

/** The service's checkpoint keys: the one it signs with (if any) and every public key whose checkpoints it trusts. */
export interface CheckpointKeys {
  signer: CheckpointSigner | null;
  /** The signer's public key first, then earlier keys still trusted after a rotation. */
  trusted: string[];
}

/**
 * Keys from configuration: the private key (base64url seed) and a list of
 * earlier public keys separated by commas or white space. A malformed public
 * key is an error, not a silently shorter list.
 */
export async function checkpointKeys(privateKey: string | undefined, trustedPublicKeys: string | undefined): Promise<CheckpointKeys> {
  const signer = privateKey?.trim() ? await signerFromKey(privateKey) : null;
  const earlier = (trustedPublicKeys ?? "").split(/[\s,]+/).filter(Boolean);
  for (const key of earlier) {
    if (fromBase64url(key)?.length !== 32)
      throw new Error(`A trusted checkpoint key must be an Ed25519 public key in base64url (43 characters), not "${key}".`);
  }
  return { signer, trusted: [...new Set([...(signer ? [signer.publicKey] : []), ...earlier])] };
}
