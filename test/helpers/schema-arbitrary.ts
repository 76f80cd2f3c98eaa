import fc from "fast-check";

// fast-check arbitraries derived from the OpenAPI document's JSON Schemas,
// which @hono/zod-openapi generates from the same zod schemas the validator
// runs: `valid` makes values the document allows, `hostile` makes values a
// careless or malicious client sends.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  not?: { required?: string[]; const?: unknown; anyOf?: { required: string[] }[] };
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type Components = Record<string, JsonSchema>;

/** Text a person could type: letters, digits and spaces inside, never at either end. */
const wordChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüßñ";
const plainText = (min: number, max: number) => {
  const length = fc.integer({ min: Math.max(min, 1), max: Math.max(Math.min(max, 40), Math.max(min, 1)) });
  return length.chain((n) => fc.array(fc.constantFrom(...wordChars), { minLength: n, maxLength: n }).map((chars) => chars.join("")));
};

export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = components[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolve(target, components);
}

/** Values the schema allows, kept small: arrays of at most 3, text of at most 40 characters where the schema allows. */
export function valid(schema: JsonSchema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.not?.const !== undefined) {
    const { not, ...rest } = s;
    return valid(rest, components, depth).filter((value) => value !== not.const);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  // Branches beside an object's own properties constrain it (kind-dependent fields): one branch, merged in.
  if (branches && s.properties) return fc.constantFrom(...branches).chain((branch) => valid(constrained(s, branch), components, depth));
  if (branches) return fc.oneof(...branches.map((option) => valid(option, components, depth)));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf.map((part) => resolve(part, components))), components, depth);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ["object"];
  return fc.oneof(...types.map((type) => validOfType(type, s, components, depth)));
}

/** An object schema narrowed by one branch: its property constraints, its required keys, the keys it forbids. */
function constrained(s: JsonSchema, branch: JsonSchema): JsonSchema {
  const { anyOf: _anyOf, oneOf: _oneOf, ...base } = s;
  const properties = { ...base.properties };
  for (const [key, narrowing] of Object.entries(branch.properties ?? {})) {
    const own = properties[key] ?? {};
    properties[key] = narrowing.not ? { ...own, not: narrowing.not } : { ...own, ...narrowing };
  }
  const forbidden = new Set([...(branch.not?.required ?? []), ...(branch.not?.anyOf ?? []).flatMap((option) => option.required)]);
  for (const key of forbidden) delete properties[key];
  const required = [...new Set([...(base.required ?? []), ...(branch.required ?? [])])].filter((key) => !forbidden.has(key));
  return { ...base, properties, required };
}

function validOfType(type: string, s: JsonSchema, components: Components, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1000);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, min + 1000)) });
    }
    case "string":
      return validString(s);
    case "array": {
      const minLength = s.minItems ?? 0;
      return fc.array(s.items ? valid(s.items, components, depth + 1) : fc.constant("x"), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
      });
    }
    default:
      return validObject(s, components, depth);
  }
}

function validString(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case "uuid":
      return fc.uuid({ version: 7 });
    case "email":
      return plainText(1, 12).map((local) => `${local.toLowerCase().replace(/[^a-z0-9]/g, "x")}@example.com`);
    case "date":
      return fc
        .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
    default: {
      // A format by pattern (a hex digest…) is generated from it: random text would almost never match.
      if (s.pattern && !s.pattern.startsWith("^[^\\u0000")) return fc.stringMatching(new RegExp(s.pattern, "u"));
      // Spaces around the text, and a line break inside, are what forms send; a lone space is what a careless client sends.
      const max = s.maxLength ?? 40;
      const text = fc.oneof(
        plainText(s.minLength ?? 0, max),
        plainText(s.minLength ?? 0, max - 2).map((t) => ` ${t} `),
        plainText(s.minLength ?? 0, max - 2).map((t) => `${t}\n${t}`.slice(0, max)),
        fc.constant(" "),
      );
      return text.filter((t) => t.length >= (s.minLength ?? 0) && t.length <= max && (!s.pattern || new RegExp(s.pattern, "u").test(t)));
    }
  }
}

function validObject(s: JsonSchema, components: Components, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = valid(property, components, depth + 1);
  const optional = Object.keys(properties).filter((key) => !required.has(key));
  const arbitrary = fc.record(record, { requiredKeys: [...required] as never[] }) as fc.Arbitrary<Record<string, unknown>>;
  // An object that needs some property (localized text) gets at least one of its optional ones.
  if ((s.minProperties ?? 0) > 0 && required.size === 0 && optional.length > 0) {
    return arbitrary.filter((value) => Object.keys(value).length >= (s.minProperties ?? 0));
  }
  return arbitrary;
}

/** Values no validator should take quietly, and none should make a server fail. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "Vendor \ud800 BV",
    "\udc00",
    "NUL\u0000inside",
    "bell\u0007",
    "\u202Eright-to-left override",
    "\u200f\u200e marks",
    "",
    " ",
    "x".repeat(20_000),
    "<script>alert(1)</script>",
    "{{constructor.constructor('x')()}}",
    '=HYPERLINK("http://evil.example")',
    "0190a000-0000-7000-8000-000000000000",
    "CF-DPA-2024-001",
    "%",
    "_",
    -1,
    0,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    null,
    [],
    {},
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

/** `value` with one leaf, key or level changed for something hostile. */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(value);
  return fc.oneof(
    hostileLeaf,
    paths.length > 0 ? fc.tuple(fc.constantFrom(...paths), hostileLeaf).map(([path, leaf]) => setAt(value, path, leaf)) : hostileLeaf,
    fc.constant(withKey(value, "__proto__", { polluted: true })),
    fc.constant(withKey(value, "constructor", { prototype: { polluted: true } })),
    fc.constant(withKey(value, "unexpectedField", "x")),
    fc.integer({ min: 40, max: 2000 }).map((levels) => deepNest(levels)),
  );
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return prefix.length ? [prefix] : [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix.length ? [prefix] : [];
  return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]))];
}

function setAt(value: unknown, path: string[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) as string] = leaf;
  return copy;
}

/** A key set as JSON would set it: as an own property, even "__proto__". */
function withKey(value: unknown, key: string, child: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return JSON.parse(
    JSON.stringify(value).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(child)}${Object.keys(value).length ? "," : ""}`),
  );
}

function deepNest(levels: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`);
}
