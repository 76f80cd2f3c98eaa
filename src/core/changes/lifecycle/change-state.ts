import { startOfDay } from "../../kernel/clocks/deadline.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import { DEFAULT_TIME_ZONE } from "../announcement/affected-agreements.ts";
import { maxDate } from "../announcement/mail-text.ts";

export type Verdict = "proposed" | "blocked" | "awaiting_authorisation" | "pending" | "due" | "effective" | "withdrawn";

/** Where a change stands at one instant, and why. */
export interface ChangeState {
  change: SubProcessorChange;
  verdict: Verdict;
  /** Unresolved objections received in time, on agreements still in the change: they stop it. */
  blocking: Objection[];
  /** Option-1 agreements that refused, still in the change: they stop it too. */
  refused: ChangeNotice[];
  /** Option-1 agreements that have not answered yet. */
  awaiting: ChangeNotice[];
  /** Late objections nobody has decided on: they do not stop the change but need an answer. */
  lateUnresolved: Objection[];
  /** When the change may take effect if nothing stops it: the last window's close or the intended start's first instant, whichever is later. */
  startsAt: string | null;
}

/**
 * The rule for a change taking effect by itself: every window of the
 * agreements still in it has closed, no objection received in time is
 * unresolved, every prior-specific authorisation is granted, and the intended
 * start has come.
 */
export function evaluateChange(change: SubProcessorChange, notices: ChangeNotice[], objections: Objection[], now: Date): ChangeState {
  const inChange = notices.filter((n) => n.outcome !== "excluded");
  const inChangeIds = new Set(inChange.map((n) => n.id));
  const unresolved = objections.filter((o) => o.resolution === null && inChangeIds.has(o.noticeId));
  const state: ChangeState = {
    change,
    verdict: "proposed",
    blocking: unresolved.filter((o) => o.onTime),
    refused: inChange.filter((n) => n.authorisation === "refused"),
    awaiting: inChange.filter((n) => n.authorisation === "requested"),
    lateUnresolved: unresolved.filter((o) => !o.onTime),
    startsAt: null,
  };
  if (change.status !== "announced") {
    state.verdict = change.status;
    return state;
  }
  const lastClose = inChange.reduce<string | null>((max, n) => (!max || n.closesAt > max ? n.closesAt : max), null);
  const start = startOfDay(maxDate(change.intendedStart, change.earliestStart), DEFAULT_TIME_ZONE);
  state.startsAt = lastClose && lastClose > start ? lastClose : start;
  if (state.blocking.length > 0 || state.refused.length > 0) state.verdict = "blocked";
  else if (state.awaiting.length > 0) state.verdict = "awaiting_authorisation";
  else state.verdict = now.toISOString() >= state.startsAt ? "due" : "pending";
  return state;
}
