import { z } from "zod";

/** So many attempts per so many seconds, e.g. "20/300"; bursts up to `attempts`, then one per `seconds / attempts`. */
export interface RateRule {
  attempts: number;
  seconds: number;
}

export const RateRuleText = z
  .string()
  .regex(/^\d{1,6}\/\d{1,6}$/, 'Write attempts/seconds, e.g. "20/300".')
  .transform((text): RateRule => {
    const [attempts, seconds] = text.split("/").map(Number) as [number, number];
    return { attempts, seconds };
  })
  .refine((rule) => rule.attempts > 0 && rule.seconds > 0, "Both numbers must be above 0.");

/** The limits of what anyone may try without an account or with a guessed password. */
export interface RateLimits {
  signInPerAddress: RateRule;
  signInPerAccount: RateRule;
  objectionsPerLink: RateRule;
  /** Subscribe requests on the public page per client address: each may send a confirmation e-mail. */
  subscriptionsPerAddress: RateRule;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerAddress: { attempts: 20, seconds: 300 },
  signInPerAccount: { attempts: 10, seconds: 300 },
  objectionsPerLink: { attempts: 5, seconds: 3600 },
  subscriptionsPerAddress: { attempts: 10, seconds: 3600 },
};

/** Keys kept at most; past that, keys whose budget has refilled are forgotten first. */
const MAX_KEYS = 50_000;

/**
 * A token bucket per key (a client address, an account, a link), in this
 * process's memory: synchronous, so requests in parallel each take their own
 * token. `take` answers 0 when the attempt may go ahead, else the seconds to
 * wait (for Retry-After).
 */
export function rateLimiter(rule: RateRule, now: () => number) {
  const perMs = rule.attempts / (rule.seconds * 1000);
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, at: number) => Math.min(rule.attempts, bucket.tokens + (at - bucket.at) * perMs);
  return {
    take(key: string): number {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: rule.attempts, at };
      const tokens = refill(bucket, at);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      }
      buckets.set(key, { tokens: tokens - 1, at });
      if (buckets.size > MAX_KEYS) forgetRefilled(at);
      return 0;
    },
  };
  function forgetRefilled(at: number) {
    for (const [key, bucket] of buckets) if (refill(bucket, at) >= rule.attempts) buckets.delete(key);
  }
}
export type RateLimiter = ReturnType<typeof rateLimiter>;

/** One limiter per rule, for the life of the app. */
export function requestLimits(limits: Partial<RateLimits> | undefined, now: () => number): Record<keyof RateLimits, RateLimiter> {
  const rules = { ...DEFAULT_RATE_LIMITS, ...limits };
  return {
    signInPerAddress: rateLimiter(rules.signInPerAddress, now),
    signInPerAccount: rateLimiter(rules.signInPerAccount, now),
    objectionsPerLink: rateLimiter(rules.objectionsPerLink, now),
    subscriptionsPerAddress: rateLimiter(rules.subscriptionsPerAddress, now),
  };
}
export type RequestLimits = ReturnType<typeof requestLimits>;
