import { z } from "zod";
import { VERIFICATION_TRIGGERS, VerificationProblem } from "../kernel/values/values.ts";
import { Checkpoint } from "../kernel/audit/checkpoints.ts";

export { VerificationProblem };

/** What one run of the register's verification found. */
export const VerificationReport = z.object({
  id: z.string(),
  at: z.string(),
  trigger: z.enum(VERIFICATION_TRIGGERS),
  ok: z.boolean().describe("True when no problem was found."),
  entries: z.int().describe("Audit entries in the chain that hold."),
  head: z.string().describe("The hash of the newest entry that holds."),
  pending: z.array(z.int()).describe("Entries written outside the service after the head (SQL for D1), linked at the next write."),
  checkpoints: z.object({
    checked: z.int(),
    latest: Checkpoint.nullable().describe("The newest checkpoint the chain still extends."),
  }),
  recordsChecked: z.int().describe("Register entities, users and tokens compared with their audit trail."),
  problems: z.array(VerificationProblem).describe("In order: the first broken entry first."),
});
export type VerificationReport = z.infer<typeof VerificationReport>;
export type VerificationTrigger = VerificationReport["trigger"];
