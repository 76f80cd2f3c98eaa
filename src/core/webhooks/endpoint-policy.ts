import type { WebhookPolicy } from "../kernel/ports/webhook-transport.ts";

export type { WebhookPolicy };

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { schemes: ["https"], hosts: ["*"], privateAddresses: false };

const hostAllowed = (host: string, patterns: string[]): boolean =>
  patterns.some((p) => p === "*" || p === host || (p.startsWith("*.") && host.endsWith(p.slice(1)) && host.length > p.length - 1));

const octets = (ip: string): number[] | null => {
  const parts = ip.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : null;
};

/** Whether an IP address (v4 or v6, as text) is one a public request never goes to. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = octets(ip.startsWith("::ffff:") ? ip.slice(7) : ip);
  if (v4) {
    const [a = 0, b = 0] = v4;
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  if (!ip.includes(":")) return false;
  return ip === "::" || ip === "::1" || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip) || ip.startsWith("::ffff:");
}

const isIpLiteral = (host: string): boolean => octets(host) !== null || host.startsWith("[");

/**
 * Why a URL may not receive webhooks under the policy, or null when it may.
 * The same words refuse an endpoint when it is registered and fail a delivery
 * when the policy changed since.
 */
export function urlRefusal(raw: string, policy: WebhookPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "It is not an absolute URL.";
  }
  const scheme = url.protocol.replace(/:$/, "");
  if (!policy.schemes.includes(scheme)) return `The scheme ${scheme} is not allowed here (allowed: ${policy.schemes.join(", ")}).`;
  if (url.username || url.password) return "A URL with a user name or password is not allowed: the signature authenticates the register.";
  const host = url.hostname.toLowerCase();
  if (!hostAllowed(host, policy.hosts)) return `The host ${host} is not on this register's allow-list (${policy.hosts.join(", ")}).`;
  if (!policy.privateAddresses) {
    if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))
      return `The host ${host} is a local name, and private addresses are not allowed here.`;
    if (isIpLiteral(host) && isPrivateAddress(host)) return `The address ${host} is private, and private addresses are not allowed here.`;
  }
  return null;
}

const list = (value: string | undefined): string[] | undefined => {
  const items = value
    ?.split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
};

/**
 * The policy from the operator's settings: WEBHOOK_SCHEMES ("https" by
 * default; "http,https" for a receiver without TLS), WEBHOOK_HOSTS ("*" by
 * default, or e.g. "procurement.example.com,*.example.net") and
 * WEBHOOK_PRIVATE_ADDRESSES ("allow" to reach loopback and private networks;
 * refused by default). A value it cannot read stops the start rather than
 * open more than meant.
 */
export function webhookPolicyOf(env: {
  WEBHOOK_SCHEMES?: string;
  WEBHOOK_HOSTS?: string;
  WEBHOOK_PRIVATE_ADDRESSES?: string;
}): WebhookPolicy {
  const schemes = list(env.WEBHOOK_SCHEMES) ?? DEFAULT_WEBHOOK_POLICY.schemes;
  const unknown = schemes.filter((s) => s !== "http" && s !== "https");
  if (unknown.length > 0) throw new Error(`WEBHOOK_SCHEMES may name http and https only, not ${unknown.join(", ")}.`);
  const privateAddresses = env.WEBHOOK_PRIVATE_ADDRESSES?.trim().toLowerCase() ?? "refuse";
  if (privateAddresses !== "allow" && privateAddresses !== "refuse")
    throw new Error(`WEBHOOK_PRIVATE_ADDRESSES is "allow" or "refuse", not "${env.WEBHOOK_PRIVATE_ADDRESSES}".`);
  return { schemes, hosts: list(env.WEBHOOK_HOSTS) ?? DEFAULT_WEBHOOK_POLICY.hosts, privateAddresses: privateAddresses === "allow" };
}
