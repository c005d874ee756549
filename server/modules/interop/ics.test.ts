import { describe, expect, it } from "vitest";
import { escapeText, fold, icsTime, renderCalendar } from "./ics.ts";

describe("iCalendar text (RFC 5545)", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"红盾驿站咨询".repeat(10)}`;
    const folded = fold(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
    }
    expect(parts.map((p, i) => (i > 0 ? p.slice(1) : p)).join("")).toBe(line);
    expect(fold("short")).toBe("short");
  });
  it("writes a calendar with CRLF, UID, DTSTAMP and UTC times", () => {
    const text = renderCalendar(
      "我的日程",
      [
        {
          uid: "duty-1@dandelion",
          start: new Date("2026-11-18T01:00:00Z"),
          end: new Date("2026-11-18T04:00:00Z"),
          summary: "轮值坐班, 上午",
          location: "服务站",
        },
      ],
      new Date("2026-11-17T12:00:00.123Z"),
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    expect(text).toContain(
      "\r\nUID:duty-1@dandelion\r\nDTSTAMP:20261117T120000Z\r\nDTSTART:20261118T010000Z\r\nDTEND:20261118T040000Z\r\n",
    );
    expect(text).toContain("SUMMARY:轮值坐班\\, 上午");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(icsTime(new Date("2026-01-01T00:00:00Z"))).toBe("20260101T000000Z");
  });
});
