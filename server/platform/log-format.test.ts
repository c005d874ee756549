import { describe, expect, it } from "vitest";
import { formatLogLine, prettyLogs, terminalStream } from "./log-format.ts";

describe("log lines for a terminal", () => {
  it("shows time, level, message and fields, and requests as method and path", () => {
    const time = Date.parse("2026-11-18T02:30:05Z");
    const line = formatLogLine(
      JSON.stringify({
        level: 30,
        time,
        pid: 1,
        hostname: "h",
        reqId: "req-1",
        req: { method: "GET", url: "/api/me" },
        msg: "incoming request",
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:05 INFO {2}incoming request reqId=req-1 GET \/api\/me$/);
    expect(formatLogLine(JSON.stringify({ level: 50, time, msg: "job failed", job: "meals.missed", err: "boom" }))).toMatch(
      /ERROR job failed job=meals\.missed err=boom$/,
    );
    expect(formatLogLine("not json")).toBe("not json");
  });

  it("is chosen for a terminal unless LOG_FORMAT says otherwise", () => {
    expect(prettyLogs("auto", true)).toBe(true);
    expect(prettyLogs("auto", false)).toBe(false);
    expect(prettyLogs("json", true)).toBe(false);
    expect(prettyLogs("pretty", false)).toBe(true);
  });

  it("formats whole lines even when pino writes them in pieces", async () => {
    let written = "";
    const sink = {
      write(s: string) {
        written += s;
        return true;
      },
    };
    const stream = terminalStream(sink as unknown as NodeJS.WritableStream);
    const line = JSON.stringify({ level: 40, time: 0, msg: "slow" });
    stream.write(line.slice(0, 10));
    stream.write(`${line.slice(10)}\n`);
    await new Promise((r) => setImmediate(r));
    expect(written).toMatch(/WARN {2}slow\n$/);
  });
});
