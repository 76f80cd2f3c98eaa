import type { Clock } from "../../src/core/kernel/context.ts";

/** A clock that stands still until a test moves it. */
export function settableClock(iso: string): Clock & { set(iso: string): void } {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (next) => (at = Date.parse(next)) };
}

/** A clock that moves one second per reading, from `start`, and can be moved on by hand. */
export function tickingClock(start: string): Clock & { advance(ms: number): void; peek(): string } {
  let now = new Date(start).getTime();
  return {
    now: () => {
      now += 1000;
      return new Date(now);
    },
    advance: (ms) => {
      now += ms;
    },
    peek: () => new Date(now).toISOString(),
  };
}
