import { count, eq, max, sql } from "drizzle-orm";
import { changeNotices, objections, subProcessorChanges, subProcessors } from "../../../db/schema.ts";
import { daysBetween, localDate, type PlainDate, startOfDay } from "../kernel/clocks/deadline.ts";
import { type ChangeKind, DEFAULT_TIME_ZONE, maxDate, type Verdict } from "../changes/index.ts";
import type { Ctx } from "../kernel/context.ts";

/** Open notices of one change that share a last day and a zone: one deadline, counted once. */
export interface WindowGroup {
  lastDay: PlainDate;
  timeZone: string;
  closesAt: string;
  notices: number;
  /** Whole days from today (in the notices' zone) to the last day: 0 on the last day itself. */
  daysLeft: number;
}

/** An announced change, summed up from aggregates rather than from its (possibly thousands of) notices. */
export interface AnnouncedChange {
  id: string;
  kind: ChangeKind;
  subProcessorId: string;
  vendorName: string;
  intendedStart: PlainDate;
  earliestStart: PlainDate | null;
  announcedAt: string | null;
  /** Agreements notified (one notice each). */
  notified: number;
  /** Windows still running (closing after now), earliest last day first. */
  openWindows: WindowGroup[];
  objections: { total: number; onTime: number; late: number; unresolved: number };
  blocking: number;
  refused: number;
  awaiting: number;
  verdict: Verdict;
  /** When it takes effect if nothing stops it; the first day of that in Europe/Brussels, and days from today to it. */
  startsAt: string;
  startDate: PlainDate;
  daysUntilStart: number;
}

/**
 * Every announced change with where it stands, in three grouped queries
 * whatever the number of notices. The verdict follows evaluateChange in
 * changes/change-state.ts rule for rule, on counts instead of rows (the
 * dashboard test checks both agree).
 */
export async function announcedChanges(ctx: Ctx): Promise<AnnouncedChange[]> {
  const db = ctx.store.db;
  const announced = eq(subProcessorChanges.status, "announced");
  const unresolved = sql<number>`(${objections.resolution} is null)`;
  const excluded = sql<number>`(${changeNotices.outcome} = 'excluded')`;
  const [changes, noticeGroups, objectionGroups] = await Promise.all([
    db
      .select({
        id: subProcessorChanges.id,
        kind: subProcessorChanges.kind,
        subProcessorId: subProcessorChanges.subProcessorId,
        vendorName: subProcessors.legalName,
        intendedStart: subProcessorChanges.intendedStart,
        earliestStart: subProcessorChanges.earliestStart,
        announcedAt: subProcessorChanges.announcedAt,
      })
      .from(subProcessorChanges)
      .innerJoin(subProcessors, eq(subProcessors.id, subProcessorChanges.subProcessorId))
      .where(announced),
    db
      .select({
        changeId: changeNotices.changeId,
        status: changeNotices.status,
        outcome: changeNotices.outcome,
        authorisation: changeNotices.authorisation,
        lastDay: changeNotices.lastDay,
        timeZone: changeNotices.timeZone,
        closesAt: max(changeNotices.closesAt),
        notices: count(),
      })
      .from(changeNotices)
      .innerJoin(subProcessorChanges, eq(subProcessorChanges.id, changeNotices.changeId))
      .where(announced)
      .groupBy(
        changeNotices.changeId,
        changeNotices.status,
        changeNotices.outcome,
        changeNotices.authorisation,
        changeNotices.lastDay,
        changeNotices.timeZone,
      ),
    db
      .select({
        changeId: objections.changeId,
        onTime: objections.onTime,
        unresolved,
        excluded,
        objections: count(),
      })
      .from(objections)
      .innerJoin(changeNotices, eq(changeNotices.id, objections.noticeId))
      .innerJoin(subProcessorChanges, eq(subProcessorChanges.id, objections.changeId))
      .where(announced)
      .groupBy(objections.changeId, objections.onTime, unresolved, excluded),
  ]);

  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const today = localDate(now, DEFAULT_TIME_ZONE);
  return changes
    .map((change): AnnouncedChange => {
      const notices = noticeGroups.filter((g) => g.changeId === change.id);
      const raised = objectionGroups.filter((g) => g.changeId === change.id);
      const inChange = notices.filter((g) => g.outcome !== "excluded");
      const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const lastClose = inChange.reduce<string | null>(
        (latest, g) => (g.closesAt && (!latest || g.closesAt > latest) ? g.closesAt : latest),
        null,
      );
      const start = startOfDay(maxDate(change.intendedStart, change.earliestStart), DEFAULT_TIME_ZONE);
      const startsAt = lastClose && lastClose > start ? lastClose : start;
      const blocking = sum(
        raised.filter((g) => g.onTime && g.unresolved && !g.excluded),
        (g) => g.objections,
      );
      const refused = sum(
        inChange.filter((g) => g.authorisation === "refused"),
        (g) => g.notices,
      );
      const awaiting = sum(
        inChange.filter((g) => g.authorisation === "requested"),
        (g) => g.notices,
      );
      let verdict: Verdict = nowIso >= startsAt ? "due" : "pending";
      if (blocking > 0 || refused > 0) verdict = "blocked";
      else if (awaiting > 0) verdict = "awaiting_authorisation";
      const startDate = localDate(startsAt, DEFAULT_TIME_ZONE);
      return {
        ...change,
        kind: change.kind,
        notified: sum(notices, (g) => g.notices),
        openWindows: openWindows(inChange, now),
        objections: {
          total: sum(raised, (g) => g.objections),
          onTime: sum(
            raised.filter((g) => g.onTime),
            (g) => g.objections,
          ),
          late: sum(
            raised.filter((g) => !g.onTime),
            (g) => g.objections,
          ),
          unresolved: sum(
            raised.filter((g) => g.unresolved),
            (g) => g.objections,
          ),
        },
        blocking,
        refused,
        awaiting,
        verdict,
        startsAt,
        startDate,
        daysUntilStart: daysBetween(today, startDate),
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

/** Windows still running: days are counted in each notice's own zone (the agreement's), on calendar dates. */
function openWindows(
  groups: { status: string; lastDay: string; timeZone: string; closesAt: string | null; notices: number }[],
  now: Date,
): WindowGroup[] {
  const byDeadline = new Map<string, WindowGroup>();
  for (const g of groups) {
    if (g.status !== "open" || !g.closesAt || g.closesAt <= now.toISOString()) continue;
    const key = `${g.lastDay} ${g.timeZone}`;
    const known = byDeadline.get(key);
    if (known) known.notices += g.notices;
    else {
      const daysLeft = daysBetween(localDate(now, g.timeZone), g.lastDay);
      byDeadline.set(key, { lastDay: g.lastDay, timeZone: g.timeZone, closesAt: g.closesAt, notices: g.notices, daysLeft });
    }
  }
  return [...byDeadline.values()].sort((a, b) => a.closesAt.localeCompare(b.closesAt));
}
