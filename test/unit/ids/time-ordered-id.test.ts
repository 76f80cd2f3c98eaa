import { afterEach, describe, expect, it, vi } from "vitest";
import { timeOrderedId } from "../../../src/core/kernel/ids/time-ordered-id.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.restoreAllMocks());

describe("time-ordered ids", () => {
  it("are UUID v7s, all different, each sorting after the one made before it", () => {
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId());
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("keep their order within one millisecond, and when the clock steps back", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(Date.parse("2026-03-02T09:00:00.000Z"));
    const sameMillisecond = Array.from({ length: 600 }, () => timeOrderedId());
    now.mockReturnValue(Date.parse("2026-03-02T08:59:59.000Z"));
    const afterStepBack = Array.from({ length: 10 }, () => timeOrderedId());
    const all = [...sameMillisecond, ...afterStepBack];
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it("carry the time they were made in their first 48 bits", () => {
    const at = Date.parse("2031-07-14T12:34:56.789Z");
    vi.spyOn(Date, "now").mockReturnValue(at);
    const id = timeOrderedId();
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });
});
