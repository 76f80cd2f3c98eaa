import { AppError } from "../../../core/kernel/errors.ts";
import { FieldErrors } from "../ui/fields.ts";

/**
 * Runs a write; a validation refusal becomes the form's field errors (the
 * caller re-renders the form with status 422), anything else propagates.
 */
export async function orFieldErrors<T>(write: () => Promise<T>): Promise<{ ok: T } | { errors: FieldErrors }> {
  try {
    return { ok: await write() };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") return { errors: new FieldErrors(error.issues) };
    throw error;
  }
}
