// What the build scripts share to skip work already done: a stamp file beside
// a build's outputs records the hash of its inputs (the build script among
// them) and of the outputs as written. The build is skipped while both still
// match, so a changed input, a changed script or a hand-edited or missing
// output rebuilds.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface BuildStamp {
  /** Whether the outputs were built from these inputs and are unchanged since. */
  fresh(): boolean;
  /** Records the inputs and the outputs just written. */
  write(): void;
}

export function buildStamp(stampFile: string, inputs: string, outputs: readonly string[]): BuildStamp {
  const outputsHash = () => {
    const hash = createHash("sha256");
    for (const file of outputs) hash.update(readFileSync(file));
    return hash.digest("hex");
  };
  return {
    fresh() {
      if (!existsSync(stampFile) || !outputs.every((file) => existsSync(file))) return false;
      try {
        const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as Record<string, unknown>;
        return stamp.inputs === inputs && stamp.outputs === outputsHash();
      } catch {
        return false;
      }
    },
    write() {
      writeFileSync(stampFile, `${JSON.stringify({ inputs, outputs: outputsHash() })}\n`);
    },
  };
}

/** The files below `dir` (recursively), sorted, without those below `skip`. */
export function filesBelow(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !skip.some((folder) => file.startsWith(`${folder}/`)))
    .sort();
}

/** The hash of a build script itself: a changed script rebuilds. */
export const scriptHash = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
