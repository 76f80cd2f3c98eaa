import type { Logger } from "../http/middleware/request-log.ts";

/**
 * The Node service's log: one JSON line per request on stdout, errors on
 * stderr. Lines of one turn of the event loop are written together (one
 * write instead of one per request, which under load cost a system call per
 * request); an error line first flushes what is waiting, so the order holds,
 * and whatever is waiting is written when the process exits.
 */
export function stdioLogger(): Logger {
  let waiting: string[] = [];
  const flush = () => {
    if (waiting.length === 0) return;
    const lines = waiting;
    waiting = [];
    process.stdout.write(`${lines.join("\n")}\n`);
  };
  process.on("exit", flush);
  return {
    info(line) {
      if (waiting.push(line) === 1) setImmediate(flush);
    },
    error(line) {
      flush();
      process.stderr.write(`${line}\n`);
    },
  };
}
