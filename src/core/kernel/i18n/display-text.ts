// Register text is shown to auditors and customers exactly as typed, but some
// characters would change how the text around them reads: bidirectional
// overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a file name
// or an amount read backwards, and C0/C1 controls are invisible or break
// layouts. They are shown as visible code points instead, in every format,
// so the document reads the same in a browser, a PDF viewer and a spreadsheet.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const INVISIBLE_OR_REORDERING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayText(text: string): string {
  return text.replace(INVISIBLE_OR_REORDERING, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
}
