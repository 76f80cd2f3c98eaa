import type { z } from "zod";

/**
 * Finds the part of an input schema at a form path, so the parser can tell
 * what an empty control means there: absent (optional), null (nullable) or
 * an empty value the schema will reject with a message beside the field.
 * This reads zod's definitions, not the rules: validation stays in the use case.
 */
type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** Wrappers that do not change which keys an object has. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The schema of one key or array index below `schema`, if the form path exists in it. */
export function childSchema(schema: z.ZodType | undefined, key: string): z.ZodType | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === "array") return def.element;
  if (def.type === "object") return def.shape?.[key];
  if (def.type === "union") {
    for (const option of def.options ?? []) {
      const found = childSchema(option, key);
      if (found) return found;
    }
  }
  return undefined;
}

export type Empty = "null" | "absent" | "required";

/**
 * What an empty control stands for at this point of the schema. At the top
 * level null comes first, because an edit merges into the stored entity and
 * only null clears a value; below it, absent comes first, so an unchanged
 * form reproduces the stored value exactly.
 */
export function emptyMeaning(schema: z.ZodType | undefined, topLevel: boolean): Empty {
  if (!schema) return "absent";
  const nullable = schema.safeParse(null).success;
  if (nullable && topLevel) return "null";
  if (schema.safeParse(undefined).success) return "absent";
  return nullable ? "null" : "required";
}
