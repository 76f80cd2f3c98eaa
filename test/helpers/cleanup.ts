import { afterAll, afterEach } from "vitest";

/**
 * Everything a test started that must not outlive it (child processes,
 * servers, SMTP sinks, open stores). Helpers that start such things register
 * how to stop them here; a test file calls `stopStartedAfterEach()` once so a
 * failed or timed-out test still leaves nothing running.
 */
const registered = new Set<() => unknown>();

/** Registers `stop`; returns a function that unregisters it (for things stopped by the test itself). */
export function onCleanup(stop: () => unknown): () => void {
  registered.add(stop);
  return () => registered.delete(stop);
}

/** Stops everything registered, newest first; one failing stop does not keep the others running. */
export async function runCleanups(): Promise<void> {
  const stops = [...registered].reverse();
  registered.clear();
  const failures: unknown[] = [];
  for (const stop of stops) {
    try {
      await stop();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, "cleanup failed");
}

/** Hooks `runCleanups` into the calling test file: after each test, and once more after all. */
export function stopStartedAfterEach(): void {
  afterEach(runCleanups);
  afterAll(runCleanups);
}
