import { userInfo } from "node:os";
import type { Command } from "commander";
import { readConfig } from "../config.ts";
import type { CheckpointKeys } from "../core/kernel/audit/checkpoints.ts";
import { type Actor, type Ctx, makeCtx } from "../core/kernel/context.ts";
import { openStore } from "../platform/node/bootstrap.ts";
import { nodeCheckpointKeys } from "../platform/node/checkpoint-key.ts";

export type WithCtx = <T>(run: (ctx: Ctx) => Promise<T>) => Promise<T>;

/** What every command may use: the database chosen, its checkpoint keys, and a context acting as the operator. */
export interface Operator {
  databasePath: () => string;
  keys: () => Promise<CheckpointKeys>;
  withCtx: WithCtx;
  actor: () => Actor;
}

/** The operator at the terminal acts as an admin; the audit log names them. */
export const cliActor = (): Actor => ({ id: "cli", name: `cli:${safeUser()}`, role: "admin" });

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export function operatorOf(program: Command): Operator {
  const databasePath = () => program.opts<{ database?: string }>().database ?? readConfig(process.env).DATABASE_PATH;
  /** The service's checkpoint keys as configured for this database; the CLI never makes a key file. */
  const keys = () => nodeCheckpointKeys({ ...readConfig(process.env), DATABASE_PATH: databasePath() }, { create: false });
  const withCtx: WithCtx = async (run) => {
    const checkpoints = await keys();
    const store = openStore(databasePath());
    // Exports made here are signed like the service's.
    return run({ ...makeCtx(store, cliActor()), checkpointSigner: checkpoints.signer ?? undefined }).finally(() => store.close());
  };
  return { databasePath, keys, withCtx, actor: cliActor };
}
