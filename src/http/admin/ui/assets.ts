import type { Context, Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/**
 * The UI's only stylesheet and script, served by the app itself (no CDN), so
 * the Content-Security-Policy can allow 'self' and nothing inline. The
 * version in the path lets browsers cache them for good.
 */
const VERSION = "2";
export const ASSET_PATHS = { css: `/assets/admin-${VERSION}.css`, js: `/assets/admin-${VERSION}.js` } as const;

const CSS = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#c9d0d8;--bg:#f6f7f9;--accent:#0b5cad;--danger:#a4161a;--ok:#1d6b35;--warn:#7a4d00;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);line-height:1.45}
*{box-sizing:border-box}body{margin:0;background:var(--bg)}
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
input[type=text],input[type=email],input[type=password],input[type=number],input[type=date],input[type=datetime-local],select,textarea{width:100%;max-width:40rem;padding:.45rem;border:1px solid #6b7583;border-radius:4px;font:inherit}
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
@media (max-width:800px){.layout{flex-direction:column}nav.side{flex:none}}
`;

/** Enhancements only: every page works without it. */
const JS = `
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("DOMContentLoaded", function () {
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
