import type { z } from "zod";
import type { PostedForm } from "../../../forms/form-reader.ts";
import { type Field, LANGUAGE_CODES, pathJoin } from "./form-spec.ts";
import { childSchema, emptyMeaning } from "./schema-path.ts";

interface Read {
  value: unknown;
  /** Nothing was typed or chosen here: a blank row is dropped, a blank optional group becomes null. */
  blank: boolean;
}

/** Rows beyond this are ignored: no real register entry has that many, and a crafted post must stay cheap. */
const MAX_ROWS = 500;

/**
 * The posted form as the use case's input object. The form only shapes the
 * data (numbers as numbers, unticked boxes as [], blank rows dropped, empty
 * controls as null or absent where the schema allows it); whether the result
 * is valid is for the use case to say, so a value it rejects is kept as typed.
 */
export function parseForm(fields: readonly Field[], posted: PostedForm, schema: z.ZodType): Record<string, unknown> {
  return readObject(fields, posted, "", schema).value as Record<string, unknown>;
}

function readObject(fields: readonly Field[], posted: PostedForm, prefix: string, schema: z.ZodType | undefined): Read {
  const value: Record<string, unknown> = {};
  let blank = true;
  for (const field of fields) {
    const read = readField(field, posted, pathJoin(prefix, field.name), field.name ? childSchema(schema, field.name) : schema);
    if (!read.blank) blank = false;
    if (read.value !== undefined) value[field.name] = read.value;
  }
  return { value, blank };
}

function readField(field: Field, posted: PostedForm, path: string, schema: z.ZodType | undefined): Read {
  switch (field.type) {
    case "text":
    case "select":
    case "reference":
      return readText(posted, path, schema, (raw) => raw);
    case "number":
      return readText(posted, path, schema, (raw) => (/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw), "absent");
    case "localized": {
      const texts: Record<string, unknown> = {};
      let blank = true;
      for (const lang of LANGUAGE_CODES) {
        const read = readText(posted, `${path}.${lang}`, childSchema(schema, lang), (raw) => raw);
        if (!read.blank) blank = false;
        if (read.value !== undefined) texts[lang] = read.value;
      }
      return settleGroup({ value: texts, blank }, schema, path);
    }
    case "references": {
      const ids = posted.all(path).filter((id) => id !== "");
      return { value: ids, blank: ids.length === 0 };
    }
    case "group":
      return settleGroup(readObject(field.fields, posted, path, schema), schema, path);
    case "repeat": {
      const rowSchema = childSchema(schema, "0");
      const rows = rowIndices(posted, path)
        .map((i) => readRow(field.fields, posted, `${path}.${i}`, rowSchema))
        .filter((row) => !row.blank);
      return { value: rows.map((row) => row.value), blank: rows.length === 0 };
    }
    case "variant": {
      const kind = posted.value(`${path}.kind`).trim();
      const chosen = field.variants.find((v) => v.value === kind);
      // Only the chosen variant's fields: the others' would be unknown keys. An unknown kind keeps them all, for the schema to refuse.
      const fields = [...(chosen ? chosen.fields : field.variants.flatMap((v) => v.fields)), ...field.common];
      const read = readObject(fields, posted, path, schema);
      // No kind chosen ("not known yet") means no value; text typed beside it still keeps its row from being dropped.
      if (kind === "") return { value: settleGroup({ value: {}, blank: true }, schema, path).value, blank: read.blank };
      return { value: { kind, ...(read.value as object) }, blank: false };
    }
  }
}

/** A row of a repeated group: an object, or the value itself when its only field has no name (e.g. a list of texts). */
function readRow(fields: readonly Field[], posted: PostedForm, rowPath: string, schema: z.ZodType | undefined): Read {
  const [only] = fields;
  if (fields.length === 1 && only && only.name === "") return readField(only, posted, rowPath, schema);
  return readObject(fields, posted, rowPath, schema);
}

/** One control's text. An empty required control gives "" (or nothing, for numbers), which the schema rejects beside the field. */
function readText(
  posted: PostedForm,
  path: string,
  schema: z.ZodType | undefined,
  convert: (raw: string) => unknown,
  missing: "empty-text" | "absent" = "empty-text",
): Read {
  const raw = posted.value(path);
  if (raw.trim() !== "") return { value: convert(raw), blank: false };
  const meaning = emptyMeaning(schema, !path.includes("."));
  return { value: meaning === "null" ? null : meaning === "absent" || missing === "absent" ? undefined : "", blank: true };
}

/** A blank group is null or absent where the schema allows; else it stays, so the schema names each missing field. */
function settleGroup(read: Read, schema: z.ZodType | undefined, path: string): Read {
  if (!read.blank) return read;
  const meaning = emptyMeaning(schema, !path.includes("."));
  return { value: meaning === "null" ? null : meaning === "absent" ? undefined : read.value, blank: true };
}

function rowIndices(posted: PostedForm, path: string): number[] {
  const prefix = `${path}.`;
  const indices = new Set<number>();
  for (const key of Object.keys(posted.values)) {
    if (!key.startsWith(prefix)) continue;
    const index = /^(\d{1,4})(\.|$)/.exec(key.slice(prefix.length))?.[1];
    if (index !== undefined) indices.add(Number(index));
  }
  return [...indices].sort((a, b) => a - b).slice(0, MAX_ROWS);
}
