// Logs are JSON lines (one object a line, for collectors) unless they go to a person's terminal: then each line
// is "HH:MM:SS LEVEL message key=value …", readable at a glance. LOG_FORMAT=json|pretty overrides the choice.
import { Writable } from "node:stream";

const levels: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
const skipped = new Set(["level", "time", "pid", "hostname", "msg", "v"]);

/** One JSON log line as a person reads it (the time in the server's local zone). */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const time = typeof entry.time === "number" ? new Date(entry.time).toTimeString().slice(0, 8) : "--:--:--";
  const level = levels[Number(entry.level)] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !skipped.has(key))
    .map(([key, value]) => {
      if (value && typeof value === "object") {
        const inner = value as Record<string, unknown>;
        if (key === "req") return `${inner.method} ${inner.url}`;
        if (key === "res") return `→ ${inner.statusCode}`;
        return `${key}=${JSON.stringify(value)}`;
      }
      return `${key}=${String(value)}`;
    });
  return [time, level, entry.msg ?? "", ...fields].filter((part) => part !== "").join(" ");
}

/** A stream for pino that writes each JSON line formatted by formatLogLine. */
export function terminalStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = "";
  return new Writable({
    write(chunk, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) out.write(`${formatLogLine(line)}\n`);
      done();
    },
  });
}

/** Whether logs are pretty: LOG_FORMAT decides, else a terminal on stdout does. */
export function prettyLogs(format: "auto" | "json" | "pretty", isTTY = Boolean(process.stdout.isTTY)): boolean {
  return format === "pretty" || (format === "auto" && isTTY);
}
