import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { appSecret, readAppSecret } from "../../kernel/secrets/app-secrets.ts";
import { fromBase64url, toBase64url } from "../../kernel/secrets/base64url.ts";

/**
 * Customer objection links: `/object/<noticeId>.<expires>.<signature>`, an
 * HMAC-SHA256 over the notice id and the expiry. The link is a capability
 * for ONE notice: it names no other, and changing any part breaks the
 * signature.
 *
 * Signing uses @noble/hashes (pure JS, synchronous, runs on Node and in
 * Workers): announcing signs one link per notice, and 10,000 WebCrypto calls
 * cost 150-400 ms on Node (each is a job on the thread pool) against ~50 ms
 * here. Checking, one link at a time, uses
 * WebCrypto's verify, which compares in constant time. Both are the standard
 * HMAC-SHA256; test/objection/link-token.test.ts checks they agree.
 */
export const OBJECTION_LINK_SECRET = "objection-links";
/** Links keep working this long after the window closes, so a late objection is still recorded (and flagged late). */
export const LINK_GRACE_DAYS = 30;
/** Where links point when nothing configured one (demo loader, CLI, lifecycle, tests). */
export const DEFAULT_PUBLIC_BASE_URL = "http://localhost:3000";
export const OBJECTION_PATH = "/object/";
/** Domain separation: the key signs nothing else, but if it ever did, the two could not be swapped. */
const PURPOSE = "objection-link/v1:";
const SIGNATURE_BYTES = 32;
const TOKEN = /^([0-9A-Za-z-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

type Notice = Pick<ChangeNotice, "id" | "closesAt">;

export interface ObjectionLinks {
  token(notice: Notice): string;
  /** The absolute link for the e-mail: the public base URL, the path and the token. */
  url(notice: Notice): string;
}

export type LinkCheck =
  | { status: "valid"; noticeId: string; expiresAt: string }
  | { status: "expired"; noticeId: string; expiresAt: string }
  | { status: "invalid" };

/** The instant a notice's link stops working: the window's close plus the grace period (an instant, not a legal deadline). */
export function linkExpiry(closesAt: string): number {
  return Math.floor(Date.parse(closesAt) / 1000) + LINK_GRACE_DAYS * 86_400;
}

export const publicBaseUrl = (ctx: Ctx): string => (ctx.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, "");

const encoder = new TextEncoder();
const signedText = (noticeId: string, expires: number) => encoder.encode(`${PURPOSE}${noticeId}.${expires}`);

function linksWith(ctx: Ctx, secret: Uint8Array): ObjectionLinks {
  const base = publicBaseUrl(ctx);
  // The keyed hash with its inner and outer pads absorbed once; each link continues from a copy.
  const keyed = hmac.create(sha256, secret);
  const token = (notice: Notice) => {
    const expires = linkExpiry(notice.closesAt);
    return `${notice.id}.${expires}.${toBase64url(keyed.clone().update(signedText(notice.id, expires)).digest())}`;
  };
  return { token, url: (notice) => `${base}${OBJECTION_PATH}${token(notice)}` };
}

/** Signs links, making the key on first use: call it before the atomic write that queues the e-mails. */
export async function objectionLinks(ctx: Ctx): Promise<ObjectionLinks> {
  return linksWith(ctx, await appSecret(ctx.store, ctx.clock, OBJECTION_LINK_SECRET));
}

/** Signs links only if the key exists (reading pages must not write); no key means no notice was ever announced. */
export async function existingObjectionLinks(ctx: Ctx): Promise<ObjectionLinks | null> {
  const secret = await readAppSecret(ctx.store.db, OBJECTION_LINK_SECRET);
  return secret ? linksWith(ctx, secret) : null;
}

/**
 * Checks a token: its signature first (so a forged token learns nothing,
 * not even whether it has expired), then its expiry against the clock.
 * crypto.subtle.verify compares the MACs in constant time.
 */
export async function checkObjectionToken(ctx: Ctx, token: string): Promise<LinkCheck> {
  const parts = TOKEN.exec(token);
  const signature = parts ? fromBase64url(parts[3] as string) : null;
  if (!parts || !signature || signature.length !== SIGNATURE_BYTES) return { status: "invalid" };
  const secret = await readAppSecret(ctx.store.db, OBJECTION_LINK_SECRET);
  if (!secret) return { status: "invalid" };
  const noticeId = parts[1] as string;
  const expires = Number(parts[2]);
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const genuine = await crypto.subtle.verify("HMAC", key, signature, signedText(noticeId, expires));
  if (!genuine) return { status: "invalid" };
  const expiresAt = new Date(expires * 1000).toISOString();
  return ctx.clock.now().getTime() >= expires * 1000
    ? { status: "expired", noticeId, expiresAt }
    : { status: "valid", noticeId, expiresAt };
}
