import { DEFAULT_PUBLIC_BASE_URL } from "../core/changes/index.ts";
import { systemClock } from "../core/kernel/context.ts";
import type { AppDeps, AppWiring } from "./env.ts";
import { requestLimits } from "./middleware/rate-limit.ts";

/** What the routes are given: the entry's dependencies with their defaults filled in. */
export function wiringOf(deps: AppDeps): AppWiring {
  const clock = deps.clock ?? systemClock;
  return {
    ...deps,
    clock,
    // Links in e-mails and feeds start with the configured base, never with what a request's Host header claims.
    publicBaseUrl: deps.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL,
    limits: requestLimits(deps.rateLimits, () => clock.now().getTime()),
  };
}
