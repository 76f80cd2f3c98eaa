// The Worker's stand-in for zod's ahead-of-time compiler, z.compile (wrangler.toml [alias] of zod's
// own "./compile.js"), which nothing here calls. It generates code with `new Function`, which a
// Worker refuses, so there it hands every schema back unchanged, as this does. About 29 KiB of the
// minified bundle.
export const INVALID: unique symbol = Symbol.for("zod.compile.invalid") as never;

export class ZodCompileAsyncError extends Error {
  constructor(message = "z.compile does not support async refinements, transforms, or checks") {
    super(message);
    this.name = "ZodCompileAsyncError";
  }
}

export class ZodCompileUnsupportedError extends Error {
  readonly islandable: boolean;
  constructor(feature: string, islandable = true) {
    super(`z.compile does not support ${feature}; this schema must use the runtime parser`);
    this.name = "ZodCompileUnsupportedError";
    this.islandable = islandable;
  }
}

/** As zod's compile does where code cannot be generated: the schema, unchanged (or the refusal, when strict). */
export function compile<T>(schema: T, options?: { strict?: boolean }): T {
  if (options?.strict) throw new ZodCompileUnsupportedError("code generation in a Worker (no eval)");
  return schema;
}

export function withParser(): never {
  throw new Error("zod's withParser is not available in the Worker.");
}

export function compileFn(): never {
  throw new Error("zod's compileFn is not available in the Worker.");
}
