import { agreements } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { loadDemoData } from "../../src/core/demo/load-demo-data.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { tickingClock } from "./clocks.ts";

export const DEMO_LOADED_FROM = "2025-01-01T09:00:00.000Z";

/**
 * The ClearFacts demo register, written by a ticking clock so every entity
 * has its own creation time: the same register, in the same order, on Node
 * and in workerd, whatever ids the two make.
 */
export async function loadDemoRegister(store: Store) {
  const clock = tickingClock(DEMO_LOADED_FROM);
  await loadDemoData(makeCtx(store, SYSTEM_ACTOR, clock));
  const rows = await store.db.select().from(agreements).orderBy(agreements.createdAt);
  const byReference = Object.fromEntries(rows.map((a) => [a.reference, a.id]));
  return { clock, loadedUntil: clock.peek(), agreementIds: byReference as Record<string, string> };
}
