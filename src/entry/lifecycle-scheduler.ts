import { LIFECYCLE_ACTOR, runLifecycle } from "../core/changes/run-lifecycle.ts";
import { type Clock, makeCtx, systemClock } from "../core/context.ts";
import type { Store } from "../core/ports/store.ts";

export interface Scheduler {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Node service's in-process scheduler: runs the lifecycle tick (due
 * changes take effect, reminders are queued) at start and then every
 * `intervalMs`, never two ticks at once. A failing tick is logged and the
 * next one tries again: the tick is idempotent.
 */
export function startLifecycleScheduler(options: { store: Store; clock?: Clock; intervalMs: number; log?: (line: string) => void }): Scheduler {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(line));
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const report = await runLifecycle(makeCtx(options.store, LIFECYCLE_ACTOR, clock));
        for (const id of report.effective) log(`lifecycle: change ${id} took effect`);
        for (const failure of report.failed) log(`lifecycle: change ${failure.changeId} failed: ${failure.error}`);
      } catch (error) {
        log(`lifecycle: tick failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  void tick();
  return {
    runOnce: tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
