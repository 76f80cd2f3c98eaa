import { z } from "zod";
import { DEFAULT_RATE_LIMITS, RateRuleText } from "./http/middleware/rate-limit.ts";

/** The Node service's configuration, from environment variables (documented in the README). */
const Config = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/register.db"),
  DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** How often due sub-processor changes take effect and reminders are queued. */
  LIFECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Where the outbox is delivered, e.g. smtp://user:pass@mail.example:587; unset keeps e-mails queued. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("DPA register <dpa-register@localhost>"),
  /** Instead of SMTP, a provider's HTTP mail API (platform/mail-api): its name ("postmark"), its token and, for another region, its URL. */
  MAIL_API: z.enum(["postmark"]).optional(),
  MAIL_API_TOKEN: z.string().min(1).optional(),
  MAIL_API_URL: z.string().url().optional(),
  /** Where people reach the service (e.g. https://dpa.example.com); customer objection links in e-mails start with it. */
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  /** Days before an objection window's last day each customer that has not objected is reminded; 0: no reminders. */
  CUSTOMER_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** Where webhook endpoints may point (core/webhooks/endpoint-policy.ts): schemes, hosts, and whether private addresses may be reached. */
  WEBHOOK_SCHEMES: z.string().optional(),
  WEBHOOK_HOSTS: z.string().optional(),
  WEBHOOK_PRIVATE_ADDRESSES: z.enum(["allow", "refuse"]).default("refuse"),
  /** Sign-in attempts per client address, and per account, as attempts/seconds. */
  RATE_SIGN_IN_PER_ADDRESS: RateRuleText.default(DEFAULT_RATE_LIMITS.signInPerAddress),
  RATE_SIGN_IN_PER_ACCOUNT: RateRuleText.default(DEFAULT_RATE_LIMITS.signInPerAccount),
  /** Objections sent through one customer link, as attempts/seconds. */
  RATE_OBJECTIONS_PER_LINK: RateRuleText.default(DEFAULT_RATE_LIMITS.objectionsPerLink),
  /** Requests to subscribe on the public page per client address (each may send a confirmation e-mail), as attempts/seconds. */
  RATE_SUBSCRIPTIONS_PER_ADDRESS: RateRuleText.default(DEFAULT_RATE_LIMITS.subscriptionsPerAddress),
  /** A request header holding the client's address, set by a trusted proxy in front (e.g. X-Forwarded-For); unset: the connection's address. */
  CLIENT_ADDRESS_HEADER: z.string().min(1).optional(),
  /** A request header whose well-formed value (set by a trusted proxy) becomes the request id; unset: every request id is generated. */
  REQUEST_ID_HEADER: z.string().min(1).optional(),
  /** The Ed25519 key that signs audit checkpoints (base64url, 43 characters); kept outside the database. */
  CHECKPOINT_KEY: z.string().min(1).optional(),
  /** A file holding that key, when CHECKPOINT_KEY is unset; default: checkpoint-signing.key beside the database, made on first start. */
  CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
  /** Public keys of earlier signing keys whose checkpoints still count after a rotation (comma-separated). */
  CHECKPOINT_TRUSTED_KEYS: z.string().optional(),
  /** How often the chain is signed when it has grown (exports are always signed). */
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86400).default(3600),
  /** How often the whole register is verified (chain, checkpoints, rows against their trail). */
  VERIFY_INTERVAL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 7)
    .default(24),
});
export type Config = z.infer<typeof Config>;

export function readConfig(env: Record<string, string | undefined>): Config {
  const result = Config.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
