import type { ErrorCode, FieldIssue } from "../../core/kernel/errors.ts";
import type { WriteStep } from "./write-steps.ts";

/** What the service sends its writer thread: the units handed over in one turn of its event loop, or the request to close (the flag is set once closed). */
export type ToWriter = { units: Array<{ id: number; steps: WriteStep[] }> } | { close: Int32Array };

/** An error crossing from the writer thread: the register's own (AppError) or any other. */
export type SentError =
  | { app: { code: ErrorCode; message: string; issues: FieldIssue[] } }
  | { name: string; message: string; code?: unknown };

/** What the writer thread answers: the outcome of every unit of a batch, once it has committed (or failed). */
export interface FromWriter {
  settled: Array<{ id: number; error?: SentError }>;
}
