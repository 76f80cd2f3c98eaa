import { Command } from "commander";
import { registerBackupCommands } from "./backup-commands.ts";
import { registerDocumentCommands } from "./document-commands.ts";
import { registerEvidenceCommands } from "./evidence-commands.ts";
import { registerObligationCommands } from "./obligation-commands.ts";
import { registerOnboardingCommands } from "./onboarding-commands.ts";
import { cliActor, operatorOf } from "./operator.ts";
import { registerTransferCommands } from "./register-transfer-commands.ts";
import { registerTokenCommands } from "./token-commands.ts";
import { registerUserCommands } from "./user-commands.ts";

/** Every command of `./dev cli`. */
export function buildProgram(): Command {
  // Usage lines and commander's hints name the command the README gives, which works on any machine.
  const program = new Command()
    .name("./dev cli")
    .description("Operate a DPA register database.")
    .option("--database <path>", "SQLite database file (default: $DATABASE_PATH or data/register.db)");
  const operator = operatorOf(program);
  registerTokenCommands(program, operator.withCtx);
  registerDocumentCommands(program, operator.withCtx);
  registerOnboardingCommands(program, operator.withCtx);
  registerObligationCommands(program, operator.withCtx);
  registerEvidenceCommands(program, operator.withCtx, operator.keys);
  registerUserCommands(program, operator.withCtx, cliActor);
  registerBackupCommands(program, operator);
  registerTransferCommands(program, operator);
  return program;
}
