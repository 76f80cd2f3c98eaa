import { agreements } from "../../../db/schema.ts";
import { DEFAULT_TIME_ZONE, proposeChange } from "../changes/index.ts";
import { localDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, type FieldIssue } from "../kernel/errors.ts";
import type { ScratchStoreFactory } from "../kernel/ports/scratch-store.ts";
import { type AnyEntityKind, correctEntity, createEntity, ENTITY_KINDS, subProcessorKind } from "../register/index.ts";
import { NameIndex } from "./name-index.ts";
import { columnOfPath } from "./path-columns.ts";
import { type KindSheet, placeSheets } from "./read-sheets.ts";
import { ROW_INPUTS } from "./row-inputs.ts";
import { RowReader } from "./row-reader.ts";
import { copyRegister, commitUnit } from "./scratch-copy.ts";
import type { ImportIssue, ParsedWorkbook } from "./sheet-model.ts";
import { IMPORT_KINDS, type ImportKind } from "./sheet-specs.ts";
import { orderSubProcessorRows } from "./sub-processor-order.ts";

/**
 * How sub-processors arrived: recorded as they stand into a register without
 * agreements (nobody was promised anything yet), or as proposed changes once
 * agreements exist, so customers are notified through the objection workflow.
 */
export type SubProcessorPath = "none" | "direct" | "proposed_changes";

export interface ImportReport {
  dryRun: boolean;
  /** True when every row passed; a dry run writes nothing either way. */
  valid: boolean;
  written: boolean;
  issues: ImportIssue[];
  /** Rows read, by kind. */
  rows: Record<ImportKind, number>;
  subProcessors: { path: SubProcessorPath; changeIds: string[] };
}

export interface ImportRequest {
  workbook: ParsedWorkbook;
  dryRun: boolean;
  /** Named in the reason of corrections and proposals, e.g. the file name. */
  source: string;
}

const ATTEMPTS = 3;

/**
 * Imports a spreadsheet register: every row goes through the API's use cases
 * (input schema, references, business rules), run against a scratch copy of
 * the register, so later rows can refer to earlier ones. Any problem, in any
 * cell, and nothing is written; otherwise the rows and their audit entries
 * reach the register in one atomic unit, guarded against a register that
 * changed since the copy (then the whole import is checked again).
 */
export async function importRegister(ctx: Ctx, scratchStore: ScratchStoreFactory, request: ImportRequest): Promise<ImportReport> {
  for (let attempt = 1; ; attempt++) {
    const scratch = scratchStore();
    try {
      const baseline = await copyRegister(ctx.store, scratch);
      const report = await checkRows({ ...ctx, store: scratch }, request);
      if (!report.valid || request.dryRun) return report;
      await ctx.store.atomic(await commitUnit(ctx.store, scratch, baseline));
      return { ...report, written: true };
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict" && attempt < ATTEMPTS) continue;
      if (error instanceof AppError && error.code === "conflict") {
        throw new AppError(
          "conflict",
          "The register kept changing while the spreadsheet was being checked; nothing was written. Run the import again.",
        );
      }
      throw error;
    } finally {
      scratch.close();
    }
  }
}

/** Runs every row through its use case in the scratch register, collecting an issue per bad cell. */
async function checkRows(scratchCtx: Ctx, request: ImportRequest): Promise<ImportReport> {
  const { placed, issues } = placeSheets(request.workbook.sheets);
  issues.unshift(...request.workbook.issues);
  const db = scratchCtx.store.db;
  const index = await NameIndex.ofRegister(db);
  const hasAgreements = (await db.select({ id: agreements.id }).from(agreements).limit(1)).length > 0;
  const rows = Object.fromEntries(IMPORT_KINDS.map((k) => [k, 0])) as Record<ImportKind, number>;
  const subProcessors: ImportReport["subProcessors"] = { path: "none", changeIds: [] };

  for (const sheet of placed) {
    rows[sheet.kind] = sheet.sheet.rows.length;
    const ordered = sheet.kind === "sub-processors" ? orderSubProcessorRows(sheet) : sheet.sheet.rows;
    if (sheet.kind === "sub-processors" && ordered.length > 0) subProcessors.path = hasAgreements ? "proposed_changes" : "direct";
    for (const row of ordered) {
      const reader = new RowReader(sheet.sheet.name, sheet.columns, row);
      const input = ROW_INPUTS[sheet.kind](reader, index);
      const named = { id: null as string | null, where: `row ${row.row}` };
      for (const name of input.names) {
        const taken = index.taken(sheet.kind, name.value);
        if (taken)
          reader.issue(
            name.header,
            `${taken.where === "the register" ? "The register already has" : `Row ${taken.where.slice(4)} already has`} a ${ENTITY_KINDS[sheet.kind].label} named "${name.value}"; names and references must be unique so rows can refer to them.`,
          );
      }
      const outcome = await runUseCase(scratchCtx, sheet, input.raw, { hasAgreements, source: request.source });
      if ("id" in outcome) {
        named.id = outcome.id;
        if (outcome.changeId) subProcessors.changeIds.push(outcome.changeId);
      } else {
        reportUseCaseIssues(reader, sheet.kind, outcome.issues);
      }
      index.add(
        sheet.kind,
        input.names.filter((n) => !index.taken(sheet.kind, n.value)).map((n) => n.value),
        named,
      );
      issues.push(...reader.issues);
    }
  }
  const valid = issues.length === 0;
  return {
    dryRun: request.dryRun,
    valid,
    written: false,
    issues,
    rows,
    subProcessors: request.dryRun || !valid ? { ...subProcessors, changeIds: [] } : subProcessors,
  };
}

/**
 * The use case's issues on their cells. A cell the reading of the sheet
 * already reported keeps that message (the use case would only repeat it in
 * its own words); a message appears once per cell.
 */
function reportUseCaseIssues(reader: RowReader, kind: ImportKind, issues: FieldIssue[]): void {
  const readCells = new Set(reader.issues.map((i) => i.cell));
  const said = new Set<string>();
  for (const issue of issues) {
    const header = issue.path === "(row)" ? null : columnOfPath(kind, issue.path);
    const message = header || issue.path === "(row)" ? readable(issue.message) : `${issue.path}: ${readable(issue.message)}`;
    const cell = header ? reader.cellOf(header) : null;
    if (cell && readCells.has(cell)) continue;
    if (said.has(`${cell}\u0000${message}`)) continue;
    said.add(`${cell}\u0000${message}`);
    reader.issue(header, message);
  }
}

type Outcome = { id: string; changeId?: string } | { issues: FieldIssue[] };

async function runUseCase(
  ctx: Ctx,
  sheet: KindSheet,
  raw: Record<string, unknown>,
  o: { hasAgreements: boolean; source: string },
): Promise<Outcome> {
  try {
    if (sheet.kind !== "sub-processors") return { id: (await createEntity(ctx, ENTITY_KINDS[sheet.kind] as AnyEntityKind, raw)).id };
    const { status, activityIds, ...vendor } = raw;
    if (o.hasAgreements) {
      const { reason, intendedStart, ...rest } = vendor as Record<string, unknown> & { reason?: unknown; intendedStart?: unknown };
      const proposal = await proposeChange(
        ctx,
        {
          kind: "add",
          vendor: rest,
          activityIds,
          reason: reason ?? { en: `Recorded from the spreadsheet register (${o.source}) at onboarding.` },
          intendedStart: intendedStart ?? localDate(ctx.clock.now(), DEFAULT_TIME_ZONE),
        },
        null,
      );
      return { id: proposal.change.subProcessorId, changeId: proposal.change.id };
    }
    const { reason: _reason, intendedStart: _start, ...fields } = vendor;
    const created = await createEntity(ctx, subProcessorKind, { ...fields, activityIds, status: "proposed" });
    if (status !== "proposed") {
      await correctEntity(ctx, subProcessorKind, created.id, {
        reason: `Imported from the spreadsheet register (${o.source}) into a register without agreements: in place before any agreement was signed.`,
        changes: { status },
      });
    }
    return { id: created.id };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "validation") {
      return { issues: error.issues.map((i) => ({ ...i, path: i.path.replace(/^(changes|vendor)\./, "") })) };
    }
    return { issues: [{ path: "(row)", message: error.message }] };
  }
}

/** zod's words for an empty required cell, as a DPO reads them. */
const readable = (message: string) => (/received undefined$/.test(message) ? "This cell is empty, and it is required." : message);
