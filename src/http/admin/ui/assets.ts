import type { Context, Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/**
 * The UI's only stylesheet and script, served by the app itself (no CDN), so
 * the Content-Security-Policy can allow 'self' and nothing inline. The
 * version in the path lets browsers cache them for good.
 */
const VERSION = "4";
export const ASSET_PATHS = { css: `/assets/admin-${VERSION}.css`, js: `/assets/admin-${VERSION}.js` } as const;

const CSS = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#c9d0d8;--bg:#f6f7f9;--accent:#0b5cad;--danger:#a4161a;--ok:#1d6b35;--warn:#7a4d00;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);line-height:1.45}
*{box-sizing:border-box}body{margin:0;background:var(--bg)}[hidden]{display:none!important}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:1px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top .search input{padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;width:min(16rem,40vw)}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
.top{display:flex;justify-content:space-between;align-items:center;background:#14213d;color:#fff;padding:.6rem 1rem}
.top a{color:#fff}.brand{font-weight:700}.user .role{color:#d7dde6;font-size:.9em;margin:0 .5rem}
.layout{display:flex;gap:1.5rem;padding:1rem;max-width:1400px;margin:0 auto}
nav.side{flex:0 0 12rem}nav.side ul{list-style:none;margin:0;padding:0}nav.side a{display:block;padding:.3rem .5rem;text-decoration:none;border-radius:4px}
nav.side a[aria-current=page]{background:#dbe7f5;font-weight:600}
main{flex:1;min-width:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.5rem 2rem}
h1{margin-top:.2rem;font-size:1.6rem}h2{font-size:1.25rem;margin-top:1.6rem}
.trail ol{list-style:none;display:flex;gap:.4rem;padding:0;margin:0;font-size:.9em}.trail li+li:before{content:"›";margin-right:.4rem;color:var(--muted)}
caption{text-align:left}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
.table-scroll{overflow-x:auto}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}th{background:#eef1f5}
.field{margin:0 0 1rem;border:0;padding:0}.field>label,.field>legend{display:block;font-weight:600;margin-bottom:.2rem}
input[type=text],input[type=url],input[type=email],input[type=password],input[type=number],input[type=date],input[type=datetime-local],select,textarea{width:100%;max-width:40rem;padding:.45rem;border:1px solid #6b7583;border-radius:4px;font:inherit}
.check{display:flex;gap:.4rem;align-items:flex-start;margin:.15rem 0}.check input{margin-top:.3rem}
.hint{color:var(--muted);margin:.1rem 0 .3rem;font-size:.92em}.required{color:var(--muted);font-weight:400;font-size:.9em}
.has-error input,.has-error select,.has-error textarea{border:2px solid var(--danger)}.error{color:var(--danger);font-weight:600;margin:.1rem 0 .3rem}
.error-summary{border:3px solid var(--danger);padding:.5rem 1rem;margin-bottom:1rem}.error-summary h2{margin:.3rem 0;font-size:1.1rem}
.flash{background:#e3f4e8;border-left:4px solid var(--ok);padding:.5rem .8rem}
.warning{background:#fff4dc;border-left:4px solid var(--warn);padding:.5rem .8rem}
button,.button{display:inline-block;font:inherit;padding:.45rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}button.danger{background:var(--danger);border-color:var(--danger)}
button.link{background:none;border:0;color:inherit;text-decoration:underline;padding:0}
form.inline{display:inline}.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:1rem 0}
fieldset.group{border:1px solid var(--line);border-radius:4px;padding:.6rem 1rem;margin:0 0 1rem}fieldset.group legend{font-weight:600;padding:0 .3rem}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;font-size:.85em;background:#e6e9ee}
.badge.late,.badge.blocked{background:#fbe0e0;color:var(--danger)}.badge.ok{background:#e3f4e8;color:var(--ok)}.badge.warn{background:#fff4dc;color:var(--warn)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
pre{white-space:pre-wrap;word-break:break-word;background:#f3f4f6;padding:.5rem;border-radius:4px;font-size:.85em}
.narrow{max-width:34rem}
button.small,.button.small{padding:.2rem .6rem;font-size:.88em}
.form-top{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-bottom:.6rem}.form-top .hint{margin:0}
.lang-switch{display:flex;gap:.3rem;align-items:center;flex-wrap:wrap}.lang-switch button[aria-pressed=true]{background:var(--accent);color:#fff}
.form-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:0 1.5rem;align-items:start}
.form-fields>fieldset.rows,.form-fields>fieldset.checks{grid-column:1/-1}
fieldset.localized{border:0;padding:0;margin:0 0 .9rem}fieldset.localized>legend{padding:0;margin-bottom:.15rem}
.lang-input .field{margin:0}.lang-input label,.row.single>fieldset>legend,.row-fields fieldset.variant-group>legend,fieldset.row.compact .row-fields label,fieldset.row.compact .row-fields legend{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.also-in{font-size:.75em;font-weight:400;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;margin-left:.4rem}
fieldset.rows{padding:.5rem .8rem}fieldset.row{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.4rem .8rem;padding:.4rem .7rem;margin:0 0 .5rem}
fieldset.row>legend{font-size:.9em}.row-fields{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-start;flex:1 1 30rem}
.row-fields>.field,.row-fields>fieldset,.row-fields>.variant>.field,.row-fields>.variant>fieldset{flex:1 1 7rem;margin:0 0 .4rem}
.row-fields fieldset.group{border:0;padding:0;margin:0 0 .4rem;min-width:0}
/* Rows after the first keep their labels for screen readers only: the first row's read as column heads. */.row-fields fieldset.group>legend{padding:0;font-size:.9em}
.row-fields>*{min-width:0}.row-fields fieldset.variant-group{flex:4 1 30rem}.row-fields .hint,.row-fields .also-in{display:none}
.row-fields fieldset.group:not(.localized):not(.variant-group){display:flex;flex-wrap:wrap;gap:0 .6rem;flex:2 1 11rem}.row-fields fieldset.group:not(.localized)>.field{flex:1 1 4.5rem;margin:0}
fieldset.row{position:relative;padding-top:.7rem}fieldset.row>.remove{position:absolute;top:-1.05rem;right:.6rem;background:#fff}
.form-fields>.field,.form-fields>fieldset{margin-bottom:.75rem}
.variant{display:contents}.js .variant[data-hide]{display:none}
.row.single{display:flex;gap:.6rem;align-items:flex-end;margin:0 0 .4rem}.row.single>.field,.row.single>fieldset{flex:1;margin:0}
fieldset.checks{columns:2 18rem;column-gap:1.5rem}fieldset.checks>legend,fieldset.checks>.check-filter{column-span:all}
.check-filter{margin:.2rem 0 .4rem}.check-filter input{width:min(20rem,100%);padding:.3rem .45rem;border:1px solid #6b7583;border-radius:4px;font:inherit}
.sticky-save{position:sticky;bottom:0;background:#fff;border-top:1px solid var(--line);padding:.6rem 0;margin:1rem 0 0;z-index:1}.sticky-save .lang-switch{margin-left:auto}
@media (max-width:800px){.layout{flex-direction:column;padding:.5rem}nav.side{flex:none}main{padding:.8rem}th,td{overflow-wrap:anywhere}
.top{flex-wrap:wrap;gap:.4rem}.form-fields{grid-template-columns:1fr}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}}

`;

/** Enhancements only: every page works without it. */
const JS = `
document.documentElement.classList.add("js");
// A register form's language switch, in the page: the other languages' inputs are there already, hidden.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest('button[name="_lang"]') : null;
  if (!button || !button.form) return;
  event.preventDefault();
  var form = button.form, lang = button.value;
  form.querySelectorAll(".lang-input").forEach(function (input) { input.hidden = input.getAttribute("data-lang") !== lang; });
  form.querySelectorAll('button[name="_lang"]').forEach(function (b) { b.setAttribute("aria-pressed", b.value === lang ? "true" : "false"); });
  var current = form.querySelector('input[name="_formlang"]');
  if (current) current.value = lang;
});
// A choice with fields of its own (a retention rule, a transfer mechanism): only the chosen one's show.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.form || select.tagName !== "SELECT") return;
  var row = select.closest("fieldset.row.compact");
  if (row && select.form.querySelector('[data-variant-of="' + select.name + '"]')) row.classList.remove("compact");
  select.form.querySelectorAll('[data-variant-of="' + select.name + '"]').forEach(function (block) {
    if (block.getAttribute("data-variant") === select.value) block.removeAttribute("data-hide");
    else block.setAttribute("data-hide", "");
  });
});
// A long list of checkboxes narrows to the names that contain what is typed; ticked ones always show.
document.addEventListener("input", function (event) {
  var box = event.target;
  var filter = box.closest ? box.closest(".check-filter") : null;
  if (!filter) return;
  var query = box.value.trim().toLowerCase();
  filter.parentNode.querySelectorAll(".check").forEach(function (row) {
    var input = row.querySelector("input");
    row.hidden = query !== "" && !input.checked && row.textContent.toLowerCase().indexOf(query) < 0;
  });
});
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".check-filter[hidden]").forEach(function (filter) { filter.hidden = false; });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
`;

export function registerAssets(app: Hono<AppEnv>): void {
  const serve = (body: string, type: string) => (c: Context) =>
    c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=31536000, immutable" });
  app.get(ASSET_PATHS.css, serve(CSS, "text/css; charset=utf-8"));
  app.get(ASSET_PATHS.js, serve(JS, "text/javascript; charset=utf-8"));
}
