import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, monthRange, shiftMonth, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

describe(`service records (志愿服务记录证明) over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let zyz: Session;
  let stationId: number;

  const count = async (table: "volunteer_records" | "audit_log" | "volunteer_record_counters") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const volunteerOf = async (username: string) =>
    await t.database.db
      .selectFrom("volunteers as v")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select(["v.id", "v.real_name", "v.number"])
      .where("u.username", "=", username)
      .executeTakeFirstOrThrow();
  const issue = (payload: object, session: Session = staff) => t.as(session, { method: "POST", url: "/api/volunteer-records", payload });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    zyz = await t.login("zhiyuanzhe");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it("gives zhiyuanzhe last month's record to download, its PDF stored on first download, checked by its QR", async () => {
    const mine = await t.as(zyz, { method: "GET", url: "/api/me/volunteering/records" });
    expect(mine.statusCode).toBe(200);
    const { from, to } = monthRange(shiftMonth(stationMonth(t.clock.now()), -1));
    const record = mine.json().find((r: { periodFrom: string }) => r.periodFrom === from);
    expect(record).toMatchObject({ periodTo: to, volunteerName: "努尔古丽", stationName: "天源市场党群服务站" });
    expect(record.number).toMatch(/^TY-VR-\d{4}-\d{4}$/);
    expect(record.minutes).toBeGreaterThan(0);
    const pdf = await t.as(zyz, { method: "GET", url: record.pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const again = await t.as(zyz, { method: "GET", url: record.pdfUrl });
    expect(sha256(again.rawPayload)).toBe(sha256(pdf.rawPayload));
    // The public check: no sign-in, the name masked but for the surname, the PDF's hash now known.
    const check = await t.as(null, {
      method: "GET",
      url: `/api/public/volunteer-records/${record.number}?h=${record.contentHash}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      number: record.number,
      genuine: true,
      unaltered: true,
      hashMatches: true,
      volunteerName: "努***",
      periodFrom: from,
      periodTo: to,
      minutes: record.minutes,
      pdfSha256: sha256(pdf.rawPayload),
    });
    expect(JSON.stringify(check.json())).not.toContain("尔古丽");
    const page = await t.as(null, { method: "GET", url: record.checkUrl });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("证明真实有效");
    expect(page.body).toContain(record.number);
    const english = await t.as(null, { method: "GET", url: record.checkUrl, headers: { "accept-language": "en" } });
    expect(english.body).toContain("This record is genuine");
    // Another volunteer's session cannot download it.
    const other = await t.login("zyz05");
    expect((await t.as(other, { method: "GET", url: record.pdfUrl })).statusCode).toBe(404);
  });

  it("issues a numbered record of final hours only, stores its PDF and hash, refuses bad periods writing nothing", async () => {
    const v = await volunteerOf("zyz03");
    const now = t.clock.now();
    const today = stationDate(now);
    const from = addDays(today, -120);
    const preview = (await t.as(staff, { method: "GET", url: `/api/volunteers/${v.id}/service-hours?from=${from}&to=${today}` })).json();
    // Hours still on public notice (or with an objection open) are not in it.
    const notFinal = await t.database.db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteer_occurrences as o", "o.id", "g.occurrence_id")
      .select("g.id")
      .where("g.volunteer_id", "=", v.id)
      .where("o.public_until", ">", now.toISOString())
      .execute();
    const refs = new Set(preview.entries.map((e: { ref: string }) => e.ref));
    for (const s of notFinal) expect(refs.has(`signup:${s.id}`)).toBe(false);
    expect(preview.entries.length).toBeGreaterThan(0);

    const records = await count("volunteer_records");
    const audits = await count("audit_log");
    const refusals = [
      [{ volunteerId: v.id, from, to: addDays(today, 1) }, "to", "volunteer.record_period"],
      [{ volunteerId: v.id, from: today, to: from }, "to", "request.invalid"],
      [{ volunteerId: v.id, from: "2019-01-01", to: "2019-12-31" }, "from", "volunteer.record_empty"],
      [{ volunteerId: 2_000_000, from, to: today }, "volunteerId", "record.not_found"],
      [{ volunteerId: v.id, from: "2026-02-30", to: today }, "from", "request.invalid"],
    ] as const;
    for (const [payload, field, id] of refusals) {
      const res = await issue(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.id).toBe(id);
      expect(fieldsNamed(res)).toContain(field);
    }
    expect(await count("volunteer_records")).toBe(records);
    expect(await count("audit_log")).toBe(audits);

    const res = await issue({ volunteerId: v.id, from, to: today });
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({ volunteerId: v.id, periodFrom: from, periodTo: today, entries: preview.entries.length });
    expect(record.minutes).toBe(preview.totals.minutes);
    const pdf = await t.as(staff, { method: "GET", url: record.pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(sha256(pdf.rawPayload)).toBe(record.pdfSha256);
    const detail = (await t.as(staff, { method: "GET", url: `/api/volunteer-records/${record.id}` })).json();
    expect(detail.content.entries.map((e: { ref: string }) => e.ref)).toEqual(preview.entries.map((e: { ref: string }) => e.ref));
    expect(detail.content.volunteer).toMatchObject({ number: v.number, realName: v.real_name });
    // No ID number anywhere (eighteen characters standing alone: a hash's hex may hold eighteen digits in a row).
    expect(JSON.stringify(detail.content)).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["after_json", "actor_user_id"])
      .where("action", "=", "volunteer_record.issued")
      .where("object_id", "=", String(record.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ number: record.number, contentHash: record.contentHash });
    const listed = (await t.as(staff, { method: "GET", url: `/api/volunteer-records?q=${record.number}` })).json();
    expect(listed.items.map((r: { id: number }) => r.id)).toEqual([record.id]);

    // A wrong hash does not match; a record altered in the database no longer checks.
    const wrong = await t.as(null, { method: "GET", url: `/api/public/volunteer-records/${record.number}?h=${"0".repeat(64)}` });
    expect(wrong.json()).toMatchObject({ genuine: true, unaltered: true, hashMatches: false });
    const body = await t.database.db
      .selectFrom("volunteer_records")
      .select("content")
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable("volunteer_records")
      .set({ content: body.content.replace(`"minutes":${record.minutes}`, `"minutes":${record.minutes + 600}`) })
      .where("id", "=", record.id)
      .execute();
    const altered = await t.as(null, { method: "GET", url: `/api/public/volunteer-records/${record.number}?h=${record.contentHash}` });
    expect(altered.json().unaltered).toBe(false);
    expect((await t.as(null, { method: "GET", url: `/api/public/volunteer-records/${record.number}/page` })).body).toContain("不一致");
    await t.database.db.updateTable("volunteer_records").set({ content: body.content }).where("id", "=", record.id).execute();
    const missing = await t.as(null, { method: "GET", url: "/api/public/volunteer-records/TY-VR-1999-0001/page" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("未找到");
    expect((await t.as(null, { method: "GET", url: "/api/public/volunteer-records/not-a-number" })).statusCode).toBe(400);
  });

  it("gives two records issued at once two numbers in a row", async () => {
    const a = await volunteerOf("zyz07");
    const b = await volunteerOf("zyz12");
    const today = stationDate(t.clock.now());
    const from = addDays(today, -200);
    const [ra, rb] = await Promise.all([issue({ volunteerId: a.id, from, to: today }), issue({ volunteerId: b.id, from, to: today })]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    const seqs = [ra.json().number, rb.json().number].map((n: string) => Number(n.slice(-4))).sort((x, y) => x - y);
    expect(seqs[1]).toBe(seqs[0] + 1);
    const year = today.slice(0, 4);
    expect(ra.json().number.startsWith(`TY-VR-${year}-`)).toBe(true);
  });

  it("keeps records to their station: another station's admin neither issues nor reads them", async () => {
    const youyi = await t.login("youyi");
    const v = await volunteerOf("zyz03");
    const today = stationDate(t.clock.now());
    const refused = await issue({ volunteerId: v.id, from: addDays(today, -100), to: today }, youyi);
    expect(refused.statusCode).toBe(404);
    const any = await t.database.db
      .selectFrom("volunteer_records")
      .select("id")
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect((await t.as(youyi, { method: "GET", url: `/api/volunteer-records/${any.id}/record.pdf` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: `/api/volunteer-records/${any.id}` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: "/api/volunteer-records" })).json().items).toEqual([]);
    expect((await t.as(youyi, { method: "GET", url: `/api/volunteers/${v.id}/service-hours?from=${today}&to=${today}` })).statusCode).toBe(
      404,
    );
  });

  it("limits the public check like the other public pages", async () => {
    let limited = 0;
    for (let i = 0; i < 125; i++) {
      const res = await t.app.inject({ method: "GET", url: "/api/public/volunteer-records/TY-VR-1999-0001", remoteAddress: "10.99.0.1" });
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
