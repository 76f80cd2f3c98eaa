export interface IcsEvent {
  /** Property lines by name with parameters, e.g. "DTSTART;VALUE=DATE". */
  props: Map<string, string>;
  uid: string;
  summary: string;
  description: string;
}

/** Unfolds and splits an iCalendar text into its events (RFC 5545 section 3.1), unescaping TEXT values. */
export function readIcs(text: string): { lines: string[]; events: IcsEvent[] } {
  const lines = text.split("\r\n ").join("").split("\r\n");
  const events: IcsEvent[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      events.push({
        props: current,
        uid: current.get("UID") ?? "",
        summary: unescapeIcsText(current.get("SUMMARY") ?? ""),
        description: unescapeIcsText(current.get("DESCRIPTION") ?? ""),
      });
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return { lines, events };
}

function unescapeIcsText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === "\\" && i + 1 < value.length) {
      const next = value[++i];
      out += next === "n" || next === "N" ? "\n" : next;
    } else out += ch;
  }
  return out;
}
