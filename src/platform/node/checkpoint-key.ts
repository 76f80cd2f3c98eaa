import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CheckpointKeys, checkpointKeys, newSigningKey } from "../../core/kernel/audit/checkpoints.ts";
import type { Config } from "../../config.ts";

type KeyConfig = Pick<Config, "DATABASE_PATH" | "CHECKPOINT_KEY" | "CHECKPOINT_KEY_FILE" | "CHECKPOINT_TRUSTED_KEYS">;

/** Where the signing key is kept when no key is given in the environment. */
export const checkpointKeyFile = (config: KeyConfig): string =>
  config.CHECKPOINT_KEY_FILE ?? join(dirname(config.DATABASE_PATH), "checkpoint-signing.key");

/**
 * The Node service's checkpoint keys: CHECKPOINT_KEY, else the key file. The
 * service (`create`) makes the file on first start, readable by its owner
 * only, so a new register signs from its first day; the CLI only reads it.
 * A database in memory gets a key for the life of the process.
 */
export async function nodeCheckpointKeys(
  config: KeyConfig,
  options: { create: boolean; log?: (line: string) => void },
): Promise<CheckpointKeys> {
  if (config.CHECKPOINT_KEY) return checkpointKeys(config.CHECKPOINT_KEY, config.CHECKPOINT_TRUSTED_KEYS);
  if (config.DATABASE_PATH === ":memory:" && !config.CHECKPOINT_KEY_FILE) {
    return checkpointKeys(options.create ? (await newSigningKey()).privateKey : undefined, config.CHECKPOINT_TRUSTED_KEYS);
  }
  const file = checkpointKeyFile(config);
  const stored = readKey(file);
  if (stored) return checkpointKeys(stored, config.CHECKPOINT_TRUSTED_KEYS);
  if (!options.create) return checkpointKeys(undefined, config.CHECKPOINT_TRUSTED_KEYS);
  const made = await newSigningKey();
  try {
    writeFileSync(file, `${made.privateKey}\n`, { mode: 0o600, flag: "wx" });
    options.log?.(
      `Made the audit checkpoint signing key ${file} (public key ${made.publicKey}); keep a copy outside this machine (README: Evidence).`,
    );
    return checkpointKeys(made.privateKey, config.CHECKPOINT_TRUSTED_KEYS);
  } catch (error) {
    // Another process made it first: use theirs.
    const theirs = readKey(file);
    if (theirs) return checkpointKeys(theirs, config.CHECKPOINT_TRUSTED_KEYS);
    throw error;
  }
}

function readKey(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
