import type { Context } from "hono";

/** The field a signed-in user's form echoes the session's synchroniser token in (checked by admin/form-guard.ts). */
export const CSRF_FIELD = "_csrf";

/**
 * A posted form, read once, as every page reads it (admin, sign-in and the
 * customer objection page). A field a browser sends once is a string; a
 * checkbox group repeats its name; a file input sends a File. The CSRF token
 * is kept apart so no page re-displays or parses it as one of its own fields.
 */
export interface PostedForm {
  /** Each field's first value as typed, to put back into the controls when the form is shown again. */
  readonly values: Readonly<Record<string, string>>;
  /** The field's first value as typed; "" when it was not sent. */
  value(name: string): string;
  /** The field's first value, trimmed; undefined when blank or not sent. */
  text(name: string): string | undefined;
  /**
   * The value of a control the page has once, as typed; "" when it was not sent, or sent more
   * than once (a crafted post is refused as missing rather than guessed at).
   */
  only(name: string): string;
  /** A yes/no checkbox (ui/fields.ts `checkbox`), which posts "true" when ticked. */
  checked(name: string): boolean;
  /** Every non-blank value of a repeated field, such as a checkbox group. */
  list(name: string): string[];
  /** Every value of a repeated field as sent, blanks included, for callers that let a schema judge them. */
  all(name: string): string[];
  /** The uploaded file of a file input sent once, or null when none was chosen (browsers send an empty one). */
  file(name: string): File | null;
  /** The synchroniser token the form echoed, by the same rule as `only`. */
  readonly csrfToken: string;
}

type Entry = string | File;

// The CSRF guard and the page's handler both read the form; the second read gets the first's result.
const read = new WeakMap<Request, Promise<PostedForm>>();

/** The request's posted form (url-encoded or multipart); an empty form for any other body. */
export function readForm(c: Context): Promise<PostedForm> {
  let form = read.get(c.req.raw);
  if (!form) {
    form = c.req.parseBody({ all: true }).then(postedForm);
    read.set(c.req.raw, form);
  }
  return form;
}

function postedForm(body: Record<string, Entry | Entry[]>): PostedForm {
  const fields = new Map<string, Entry[]>();
  for (const [name, value] of Object.entries(body)) fields.set(name, Array.isArray(value) ? value : [value]);
  const csrf = fields.get(CSRF_FIELD);
  fields.delete(CSRF_FIELD);

  const all = (name: string): string[] => (fields.get(name) ?? []).filter((v): v is string => typeof v === "string");
  const value = (name: string): string => all(name)[0] ?? "";
  const text = (name: string): string | undefined => value(name).trim() || undefined;
  const values: Record<string, string> = {};
  for (const name of fields.keys()) if (all(name).length > 0) values[name] = value(name);
  return {
    values,
    value,
    text,
    only: (name) => onlyText(fields.get(name)),
    checked: (name) => text(name) === "true",
    list: (name) => all(name).filter((v) => v.trim() !== ""),
    all,
    file: (name) => {
      const [file, ...more] = fields.get(name) ?? [];
      return file instanceof File && more.length === 0 && file.size > 0 ? file : null;
    },
    csrfToken: onlyText(csrf),
  };
}

function onlyText(entries: Entry[] | undefined): string {
  const [first, ...more] = entries ?? [];
  return typeof first === "string" && more.length === 0 ? first : "";
}
