// The HTML part of an e-mail, made from its plain-text part: one source (the message catalogues)
// for both, so they never say different things. Paragraphs stay paragraphs, line breaks stay,
// addresses and links become links; everything else is escaped text.

const LINK = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** One line of text with its links and e-mail addresses made clickable. */
function line(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const found = match[0];
    const start = match.index ?? 0;
    const href = found.includes("://") ? found : `mailto:${found}`;
    out += `${escapeHtml(text.slice(last, start))}<a href="${escapeHtml(href)}">${escapeHtml(found)}</a>`;
    last = start + found.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** The message as an HTML document: readable in any client, styled inline (clients drop style sheets). */
export function mailHtml(subject: string, text: string, language?: string): string {
  const paragraphs = text
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 1em">${p.split("\n").map(line).join("<br>\n")}</p>`);
  return `<!doctype html>
<html${language ? ` lang="${escapeHtml(language)}"` : ""}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Roboto,'Helvetica Neue',Arial,sans-serif;font-size:15px;line-height:1.5;color:#111;max-width:40rem;margin:0 auto;padding:1rem">
${paragraphs.join("\n")}
</body>
</html>
`;
}
