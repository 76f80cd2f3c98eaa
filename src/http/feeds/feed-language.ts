import { AppError } from "../../core/kernel/errors.ts";
import { LANGUAGES, type Language } from "../../core/kernel/values/values.ts";

/** `?lang=en|nl|fr`, else the organisation's language; anything else is refused rather than guessed. */
export function feedLanguage(requested: string | undefined, fallback: Language): Language {
  if (requested === undefined || requested === "") return fallback;
  if ((LANGUAGES as readonly string[]).includes(requested)) return requested as Language;
  throw new AppError("validation", "Unsupported language.", [{ path: "lang", message: `Use one of ${LANGUAGES.join(", ")}.` }]);
}
