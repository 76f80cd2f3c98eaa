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
import { simpleParser } from "mailparser";
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
      const raw = Buffer.concat(chunks);
      // mailparser reads the message as a mail client would: the text and HTML parts, headers decoded.
      simpleParser(raw)
        .then((mail) => {
          const record = {
            messageId: mail.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? null,
            replyTo: mail.replyTo?.value.map((a) => a.address ?? "") ?? [],
            contentType: mail.headers.get("content-type") ? String((mail.headers.get("content-type") as { value: string }).value) : null,
            text: (mail.text ?? "").replace(/\r\n/g, "\n"),
            html: typeof mail.html === "string" ? mail.html : null,
            raw: raw.toString("utf8"),
          };
          appendFileSync(output, `${JSON.stringify(record)}\n`);
          callback();
        })
        .catch((error: Error) => callback(error));
    });
  },
});

server.on("error", (error) => console.error("smtp-sink:", error));
server.listen(Number(portArg), "127.0.0.1", () => {
  const address = server.server.address();
  console.log(`smtp-sink listening on ${typeof address === "object" && address ? address.port : portArg}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
