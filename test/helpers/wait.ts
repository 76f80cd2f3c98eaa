import { setTimeout as sleep } from "node:timers/promises";

/** How long a test waits for something that should happen "soon": generous, so a loaded machine is not a failure. */
export const PATIENCE_MS = 60_000;

/** Per-test limit for tests that start child processes (a server, the CLI, an SMTP sink). */
export const CHILD_PROCESS_TEST_MS = 180_000;

export interface WaitOptions {
  /** Give up after this long (default PATIENCE_MS). */
  timeoutMs?: number;
  /** What is being waited for, for the failure message (a function is asked at the time of failure). */
  what: string | (() => string);
  /** Pause between checks (default 25 ms). */
  intervalMs?: number;
}

/**
 * Polls `condition` until it returns a value other than false, null or
 * undefined, and returns that value. Fails, saying what it waited for, if the
 * time runs out or the condition throws `StopWaiting`.
 */
export async function waitFor<T>(
  condition: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  options: WaitOptions,
): Promise<T> {
  const { timeoutMs = PATIENCE_MS, intervalMs = 25 } = options;
  const what = () => (typeof options.what === "function" ? options.what() : options.what);
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== false && value !== null && value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      if (error instanceof StopWaiting) throw new Error(`gave up waiting for ${what()}: ${error.message}`);
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      const detail = lastError instanceof Error ? ` (last check threw: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Thrown from a `waitFor` condition when what it waits for can no longer happen (e.g. the process exited). */
export class StopWaiting extends Error {}
