import type { CheckpointKeys } from "../../core/kernel/audit/checkpoints.ts";
import { EVIDENCE_ACTOR, runEvidenceTick } from "../../core/evidence/index.ts";
import { LIFECYCLE_ACTOR, runLifecycle } from "../../core/changes/index.ts";
import { type Clock, makeCtx } from "../../core/kernel/context.ts";
import type { Store } from "../../core/kernel/ports/store.ts";

export interface Scheduler {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `task` at start and then every `intervalMs`, never two runs at once.
 * A failing run is logged and the next one tries again: tasks are idempotent.
 */
export function startScheduler(options: {
  name: string;
  intervalMs: number;
  task: () => Promise<void>;
  log?: (line: string) => void;
}): Scheduler {
  const log = options.log ?? ((line: string) => console.error(line));
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        await options.task();
      } catch (error) {
        log(`${options.name}: run failed: ${error instanceof Error ? error.message : String(error)}`);
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

/** The lifecycle tick: due changes take effect, reminders are queued. */
export function startLifecycleScheduler(options: {
  store: Store;
  clock?: Clock;
  intervalMs: number;
  publicBaseUrl?: string;
  windowReminderDays?: number;
  log?: (line: string) => void;
}): Scheduler {
  const log = options.log ?? ((line: string) => console.error(line));
  return startScheduler({
    name: "lifecycle",
    intervalMs: options.intervalMs,
    log,
    async task() {
      const ctx = { ...makeCtx(options.store, LIFECYCLE_ACTOR, options.clock), publicBaseUrl: options.publicBaseUrl };
      const report = await runLifecycle(ctx, { windowReminderDays: options.windowReminderDays });
      for (const id of report.effective) log(`lifecycle: change ${id} took effect`);
      for (const failure of report.failed) log(`lifecycle: change ${failure.changeId} failed: ${failure.error}`);
      for (const failure of report.duties.failed) log(`lifecycle: reminder of obligation ${failure.obligationId} failed: ${failure.error}`);
      for (const failure of report.reviews.failed)
        log(`lifecycle: reminder of the review of activity ${failure.activityId} failed: ${failure.error}`);
      for (const failure of report.windows.failed)
        log(`lifecycle: reminder to the customer of notice ${failure.noticeId} failed: ${failure.error}`);
    },
  });
}

/** Signs the chain when it has grown, and verifies the register when the last verification is older than `verifyEveryMs`. */
export function startEvidenceScheduler(options: {
  store: Store;
  keys: CheckpointKeys;
  clock?: Clock;
  intervalMs: number;
  verifyEveryMs: number;
  log?: (line: string) => void;
}): Scheduler {
  const log = options.log ?? ((line: string) => console.error(line));
  return startScheduler({
    name: "evidence",
    intervalMs: options.intervalMs,
    log,
    async task() {
      const { verification } = await runEvidenceTick(makeCtx(options.store, EVIDENCE_ACTOR, options.clock), options.keys, {
        verifyEveryMs: options.verifyEveryMs,
      });
      if (verification && !verification.ok) {
        log(`evidence: the register does NOT verify: ${verification.problems.map((p) => p.message).join("; ")}`);
      }
    },
  });
}
