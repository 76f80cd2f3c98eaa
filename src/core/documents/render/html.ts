import type { HelperOptions } from "handlebars";
// The runtime alone: no compiler. Its typings are the full package's, so they are named here.
import HandlebarsRuntime from "handlebars/runtime.js";
import type { Language } from "../../kernel/values/values.ts";
import { partials, templates } from "../../generated/templates.ts";
import { translate } from "../../kernel/i18n/localise.ts";

// One isolated Handlebars environment with the precompiled templates: no
// compiler at run time (a Worker has no eval) and no helper but `t`.
const hb = (HandlebarsRuntime as unknown as typeof import("handlebars")).create();
for (const [name, spec] of Object.entries(partials)) hb.registerPartial(name, hb.template(spec));
hb.registerHelper("t", function (this: unknown, key: string, options: HelperOptions) {
  const lang = (options.data.root as { meta: { language: Language } }).meta.language;
  return translate(lang, key, options.hash as Record<string, string>);
});
const compiled = new Map(Object.entries(templates).map(([name, spec]) => [name, hb.template(spec)]));

/**
 * Renders a document template. Register text only ever goes through `{{ }}`,
 * which HTML-escapes it; the templates never use triple-stash on it.
 */
export function renderHtml(template: string, context: object): string {
  const render = compiled.get(template);
  if (!render) throw new Error(`No template "${template}" in templates/`);
  // Prototype access stays off (the runtime default): a field named "constructor" is just text.
  return render(context);
}
