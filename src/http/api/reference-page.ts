import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  "x-required-permission"?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/**
 * A browsable API reference rendered on the server from the OpenAPI document:
 * no script, no CDN, the same on Node and in a Worker. Tools that want more
 * read /api/openapi.json directly.
 */
export function referencePage(doc: OpenApiDoc): Promise<string> | HtmlEscapedString {
  const byTag = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API reference</title>
<style>${raw(STYLE)}</style></head>
<body><header><h1>${doc.info.title} <small>API ${doc.info.version}</small></h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Every route needs <code>Authorization: Bearer &lt;token&gt;</code>; errors are <code>application/problem+json</code>.</p>
<nav><ul>${[...byTag.keys()].map((t) => html`<li><a href="#${slug(t)}">${t}</a></li>`)}<li><a href="#schemas">Schemas</a></li></ul></nav></header>
<main>${[...byTag.entries()].map(
    ([tag, ops]) =>
      html`<section id="${slug(tag)}"><h2>${tag}</h2>${ops.map(({ method, path, op }) => operation(method, path, op))}</section>`,
  )}
<section id="schemas"><h2>Schemas</h2>${schemas.map(
    ([name, schema]) =>
      html`<details id="schema-${name}"><summary>${name}</summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>`,
  )}</section></main></body></html>`;
}

function operation(method: string, path: string, op: Operation) {
  const body = op.requestBody?.content?.["application/json"]?.schema as { $ref?: string } | undefined;
  return html`<article><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
<p>${op.summary ?? ""}${op.description ? html` — ${op.description}` : ""}</p>
<p class="perm">Permission: <code>${op["x-required-permission"] ?? "none"}</code></p>
${
  op.parameters?.length
    ? html`<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr></thead><tbody>${op.parameters.map(
        (p) =>
          html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${p.description ?? ""}</td></tr>`,
      )}</tbody></table>`
    : ""
}
${body ? html`<p>Body: ${schemaLink(body)}</p>` : ""}
<ul class="responses">${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${r.description ?? ""}</li>`)}</ul></article>`;
}

function schemaLink(schema: { $ref?: string }) {
  const name = schema.$ref?.split("/").pop();
  return name ? html`<a href="#schema-${name}">${name}</a>` : html`<code>${JSON.stringify(schema)}</code>`;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
article{border-top:1px solid #ddd;padding:.5rem 0}h3{font-size:1rem;margin:.5rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#05598a}.post{color:#216e1f}.patch,.put{color:#8a5300}.delete{color:#a01010}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}.perm{color:#555;font-size:.9em}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}`;
