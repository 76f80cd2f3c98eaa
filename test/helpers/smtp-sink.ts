/**
 * A throwaway SMTP server for tests, run as its own process:
 *
 *   node test/helpers/smtp-sink.ts <port|0> <output.jsonl>
 *
 * Every accepted message is appended to the output file as one JSON line
 * before the server answers 250, so once the client's send resolves the line
 * is there. Failures to provoke:
 *   SMTP_SINK_TEMPFAIL_FIRST=N    answer 451 to the first N messages (after DATA)
 *   SMTP_SINK_REJECT_RCPT=regex   answer 550 to matching recipients (at RCPT TO)
 */
import { appendFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";

const [portArg = "0", output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node test/helpers/smtp-sink.ts <port> <output.jsonl>");
  process.exit(2);
}
const tempFailFirst = Number(process.env.SMTP_SINK_TEMPFAIL_FIRST ?? 0);
const rejectRecipients = process.env.SMTP_SINK_REJECT_RCPT ? new RegExp(process.env.SMTP_SINK_REJECT_RCPT) : undefined;
let tempFailed = 0;

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (rejectRecipients?.test(address.address)) return callback(smtpError(550, "5.1.1 Mailbox does not exist"));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      if (tempFailed < tempFailFirst) {
        tempFailed++;
        console.log(`smtp-sink: 451 for message ${tempFailed} of ${tempFailFirst}`);
        return callback(smtpError(451, "4.3.0 Try again later"));
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = parseHeaders(raw);
      const record = {
        messageId: headers.get("message-id") ?? null,
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        subject: headers.get("subject") ?? null,
        text: decodeBody(raw, headers.get("content-transfer-encoding")),
        raw,
      };
      appendFileSync(output, `${JSON.stringify(record)}\n`);
      callback();
    });
  },
});

server.on("error", (error) => console.error("smtp-sink:", error));
server.listen(Number(portArg), "127.0.0.1", () => {
  const address = server.server.address();
  console.log(`smtp-sink listening on ${typeof address === "object" && address ? address.port : portArg}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

/** Header names in lower case to unfolded values, encoded-words decoded. */
function parseHeaders(raw: string): Map<string, string> {
  const end = raw.indexOf("\r\n\r\n");
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r\n(?=[ \t])/g, "");
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** RFC 2047: =?charset?B|Q?text?=, with the white space between adjacent encoded-words dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_word, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " "));
      return new TextDecoder(charset).decode(bytes);
    });
}

function decodeBody(raw: string, transferEncoding = "7bit"): string {
  const start = raw.indexOf("\r\n\r\n");
  const body = start === -1 ? "" : raw.slice(start + 4);
  const encoding = transferEncoding.toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body, "base64")
      : encoding === "quoted-printable"
        ? qpBytes(body.replace(/=\r\n/g, ""))
        : Buffer.from(body);
  return bytes.toString("utf8").replace(/\r\n/g, "\n");
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? ""));
    }
  }
  return Buffer.from(bytes);
}
