import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Table = keyof DB;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
function multipart(file: Buffer) {
  const boundary = "----dandelion-document";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="licence.png"\r\nContent-Type: image/png\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`the night market over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let shanghu: Session;
  let jumin: Session;
  let stationId: number;
  const vendors: Session[] = [];
  let seasonId: number;
  let first: string; // the season's first night
  const pitch: Record<string, number> = {};

  const req = (s: Session | null, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
    t.as(s, { method, url, payload: payload as never });
  const count = async (table: Table) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The request is refused with `status`, naming `field`, and the tables are unchanged. */
  const refused = async (
    tables: Table[],
    run: () => Promise<{ statusCode: number; json: () => { error: { id: string; fields?: { field: string }[] } } }>,
    status: number,
    id: string,
    field?: string,
  ) => {
    const before = await Promise.all(tables.map(count));
    const res = await run();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    const body = res.json();
    expect(body.error.id).toBe(id);
    if (field) expect(body.error.fields?.map((f) => f.field)).toContain(field);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  };
  const at = (night: string, time: string) => t.clock.set(stationInstant(night, time));

  beforeAll(async () => {
    // The suite walks a season forward by days: sessions outlive the clock moving.
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: "1000000", SESSION_MAX_HOURS: "100000" } });
    staff = await t.login("staff");
    shanghu = await t.login("shanghu");
    jumin = await t.login("jumin");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const template = await db.selectFrom("users").selectAll().where("username", "=", "jumin").executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    await db
      .insertInto("users")
      .values(
        Array.from({ length: 22 }, (_, i) => ({
          username: `nm_vendor${i}`,
          display_name: `夜市摊主${i}`,
          password_hash: template.password_hash,
          role: "resident" as const,
          org_unit_id: template.org_unit_id,
          alliance_unit_id: null,
          merchant_id: null,
          resident_id: null,
          mobile_enc: null,
          mobile_hash: null,
          status: "active" as const,
          locale: "zh-CN" as const,
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    for (let i = 0; i < 22; i++) vendors.push(await t.login(`nm_vendor${i}`));
  });
  afterAll(() => t.close());

  it("the demo's summer: about 1,500 visitors and 80–100 k yuan a night, 14 current jobs, from records", async () => {
    const demo = await t.database.db
      .selectFrom("night_market_seasons")
      .select("id")
      .where("station_id", "=", stationId)
      .where("status", "=", "closed")
      .executeTakeFirstOrThrow();
    const f = (await req(staff, "GET", `/api/night-market-figures?stationId=${stationId}&seasonId=${demo.id}`)).json();
    expect(f.nights).toBeGreaterThanOrEqual(85);
    expect(f.visitorsPerNight.value).toBeGreaterThan(1400);
    expect(f.visitorsPerNight.value).toBeLessThan(1600);
    expect(f.turnoverPerNight.minFen).toBeGreaterThanOrEqual(7_000_000);
    expect(f.turnoverPerNight.maxFen).toBeLessThanOrEqual(10_000_000);
    expect(f.turnoverPerNight.averageFen).toBeGreaterThan(8_000_000);
    expect(f.currentJobs.value).toBe(14);
    expect(f.currentJobs.byOrigin.map((o: { origin: string }) => o.origin)).toContain("喀什地区");
    const verify = (await req(staff, "GET", `/api/night-market-seasons/${demo.id}/allocation/verify`)).json();
    expect(verify.identical).toBe(true);
    // Merchant operators come with their fair-scale findings and caring-shop status for the review; vendors without.
    const apps = (await req(staff, "GET", `/api/night-market-applications?seasonId=${demo.id}&pageSize=100`)).json().items as {
      operatorKind: string;
      merchantFindings: number | null;
      caringShopStatus: string | null;
    }[];
    expect(apps.filter((a) => a.operatorKind === "vendor").every((a) => a.merchantFindings === null && a.caringShopStatus === null)).toBe(
      true,
    );
    const merchants = apps.filter((a) => a.operatorKind === "merchant");
    expect(merchants.every((a) => typeof a.merchantFindings === "number")).toBe(true);
  });

  it("creates a season with its nights, refusing a last night before the first", async () => {
    const today = stationDate(t.clock.now());
    first = addDays(today, 10);
    const season = {
      stationId,
      name: "测试冬季夜市",
      startsOn: first,
      endsOn: addDays(first, 6),
      opensAt: "19:00",
      closesAt: "23:30",
      closedNights: [addDays(first, 2)],
      applicationDeadline: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      allocationRule: "lottery",
      maxPitchesPerOperator: 1,
      checkinBy: "20:00",
      suspendAfter: 2,
      depositFen: 50_000,
    };
    await refused(
      ["night_market_seasons"],
      () => req(staff, "POST", "/api/night-market-seasons", { ...season, endsOn: addDays(first, -1) }),
      400,
      "night_market.bad_dates",
      "endsOn",
    );
    await refused(
      ["night_market_seasons"],
      () => req(staff, "POST", "/api/night-market-seasons", { ...season, opensAt: "7pm" }),
      400,
      "request.invalid",
      "opensAt",
    );
    const res = await req(staff, "POST", "/api/night-market-seasons", season);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "draft", nights: 6, allocationRule: "lottery" });
    seasonId = res.json().id;
  });

  it("draws the pitch map, refusing a number twice", async () => {
    for (const [number, kind] of [
      ["F01", "food"],
      ["F02", "food"],
      ["G01", "goods"],
    ] as const) {
      const res = await req(staff, "POST", `/api/night-market-seasons/${seasonId}/pitches`, {
        number,
        kind,
        area: 9,
        powerWatts: 3000,
        feeFen: 3000,
        x: 20,
        y: 720,
        w: 42,
        h: 40,
      });
      expect(res.statusCode, res.body).toBe(201);
      pitch[number] = res.json().id;
    }
    await refused(
      ["night_market_pitches"],
      () =>
        req(staff, "POST", `/api/night-market-seasons/${seasonId}/pitches`, {
          number: "F01",
          kind: "food",
          area: 9,
          powerWatts: 0,
          feeFen: 0,
          x: 0,
          y: 0,
          w: 1,
          h: 1,
        }),
      409,
      "night_market.pitch_number_taken",
      "number",
    );
    await refused(
      ["night_market_pitches"],
      () =>
        req(staff, "POST", `/api/night-market-seasons/${seasonId}/pitches`, {
          number: "F09",
          kind: "food",
          area: 9,
          powerWatts: 0,
          feeFen: -1,
          x: 0,
          y: 0,
          w: 1,
          h: 1,
        }),
      400,
      "request.invalid",
      "feeFen",
    );
    const map = await req(staff, "GET", `/api/night-market-seasons/${seasonId}/pitches`);
    expect(map.json().map((p: { number: string }) => p.number)).toEqual(["F01", "F02", "G01"]);
  });

  const food = (i: number) => ({ seasonId, kind: "food", goods: `烤肉串${i}`, pitchesWanted: 1, foodLicenceNo: `JY165020300${i}` });

  it("takes applications only while open, with a food licence, within the cap", async () => {
    const apps: Table[] = ["night_market_applications", "night_market_operators"];
    await refused(apps, () => req(shanghu, "POST", "/api/night-market/applications", food(1)), 409, "night_market.not_open", "seasonId");
    const season = (await req(staff, "GET", `/api/night-market-seasons/${seasonId}`)).json();
    expect(
      (await req(staff, "PATCH", `/api/night-market-seasons/${seasonId}`, { status: "open", version: season.version })).statusCode,
    ).toBe(200);
    await refused(
      apps,
      () => req(shanghu, "POST", "/api/night-market/applications", { ...food(1), foodLicenceNo: null }),
      400,
      "night_market.food_licence_required",
      "foodLicenceNo",
    );
    await refused(
      apps,
      () => req(shanghu, "POST", "/api/night-market/applications", { ...food(1), pitchesWanted: 2 }),
      400,
      "night_market.too_many_pitches",
      "pitchesWanted",
    );
    await refused(
      apps,
      () => req(shanghu, "POST", "/api/night-market/applications", { ...food(1), preferredPitchId: pitch.G01 }),
      400,
      "night_market.bad_pitch",
      "preferredPitchId",
    );
    const mine = await req(shanghu, "POST", "/api/night-market/applications", food(1));
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ status: "submitted", operatorKind: "merchant" });
    await refused(
      apps,
      () => req(shanghu, "POST", "/api/night-market/applications", food(1)),
      409,
      "night_market.already_applied",
      "seasonId",
    );
    expect(
      (await req(jumin, "POST", "/api/night-market/applications", { seasonId, kind: "goods", goods: "手工香皂", pitchesWanted: 1 })).json(),
    ).toMatchObject({ operatorKind: "vendor" });
    // Documents: uploaded first, attached to the application; someone else's upload is refused naming the field.
    const upload = await t.as(vendors[0], { method: "POST", url: "/api/files", ...multipart(PNG) });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;
    await refused(
      apps,
      () => req(vendors[1], "POST", "/api/night-market/applications", { ...food(11), documentIds: [fileId] }),
      400,
      "file.not_found",
      "documentIds",
    );
    const withDocs = await req(vendors[0], "POST", "/api/night-market/applications", { ...food(10), documentIds: [fileId] });
    expect(withDocs.json().documentIds).toEqual([fileId]);
    expect((await t.as(staff, { method: "GET", url: `/api/files/${fileId}` })).statusCode).toBe(200);
    expect((await t.as(vendors[2], { method: "GET", url: `/api/files/${fileId}` })).statusCode).toBe(404);
    for (const [i, v] of vendors.entries()) {
      if (i > 0) expect((await req(v, "POST", "/api/night-market/applications", food(i + 10))).statusCode).toBe(201);
    }
  });

  it("refuses applications after the deadline, writing nothing", async () => {
    const season = (await req(staff, "GET", `/api/night-market-seasons/${seasonId}`)).json();
    t.clock.set(new Date(Date.parse(season.applicationDeadline) + 60_000));
    const late = await t.login("zhiyuanzhe");
    await refused(
      ["night_market_applications", "night_market_operators"],
      () => req(late, "POST", "/api/night-market/applications", food(99)),
      409,
      "night_market.deadline_passed",
      "seasonId",
    );
  });

  it("staff review the applications once each", async () => {
    const list = (await req(staff, "GET", `/api/night-market-applications?seasonId=${seasonId}&pageSize=100`)).json();
    expect(list.total).toBe(24);
    for (const a of list.items)
      expect((await req(staff, "POST", `/api/night-market-applications/${a.id}/review`, { approve: true })).statusCode).toBe(200);
    await refused(
      ["night_market_applications"],
      () => req(staff, "POST", `/api/night-market-applications/${list.items[0].id}/review`, { approve: false }),
      409,
      "night_market.application_transition",
    );
  });

  it("runs the lottery once from a recorded seed; re-running it gives the same allocation", async () => {
    const res = await req(staff, "POST", `/api/night-market-seasons/${seasonId}/allocation`, { seed: "test-seed-13" });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ rule: "lottery", seed: "test-seed-13", pitchNights: 3 * 6 });
    expect(run.assignments).toHaveLength(3);
    expect(run.waitingList).toHaveLength(21);
    const verify = (await req(staff, "GET", `/api/night-market-seasons/${seasonId}/allocation/verify`)).json();
    expect(verify).toMatchObject({ identical: true, seed: "test-seed-13", recordedHash: run.resultHash });
    await refused(
      ["night_market_pitch_nights", "night_market_allocation_runs"],
      () => req(staff, "POST", `/api/night-market-seasons/${seasonId}/allocation`, {}),
      409,
      "night_market.already_allocated",
    );
    // The database itself refuses a pitch allocated twice for a night.
    const any = await t.database.db
      .selectFrom("night_market_pitch_nights")
      .selectAll()
      .where("season_id", "=", seasonId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = any;
    await expect(t.database.db.insertInto("night_market_pitch_nights").values(copy).execute()).rejects.toThrow();
  });

  const holderOf = async (pitchId: number, night: string) => {
    const pn = await t.database.db
      .selectFrom("night_market_pitch_nights as pn")
      .innerJoin("night_market_operators as o", "o.id", "pn.operator_id")
      .innerJoin("users as u", "u.id", "o.user_id")
      .select(["pn.id", "u.username", "o.id as operator_id"])
      .where("pn.pitch_id", "=", pitchId)
      .where("pn.night", "=", night)
      .where("pn.status", "<>", "released")
      .executeTakeFirstOrThrow();
    return pn;
  };
  const sessionOf = async (username: string) =>
    username === "shanghu" ? shanghu : username === "jumin" ? jumin : vendors[Number(username.replace("nm_vendor", ""))];

  let holder: Awaited<ReturnType<typeof holderOf>>;
  let holderSession: Session;

  it("the operator sees the pitch and checks in on the night; someone else's pitch is refused", async () => {
    holder = await holderOf(pitch.F01, first);
    holderSession = await sessionOf(holder.username);
    at(first, "18:30");
    const mine = (await req(holderSession, "GET", "/api/night-market/mine")).json();
    expect(mine.tonightPitches.map((p: { pitchNumber: string }) => p.pitchNumber)).toEqual(["F01"]);
    const other = holder.username === "nm_vendor0" ? vendors[1] : vendors[0];
    await refused(
      ["night_market_pitch_nights"],
      () => req(other, "POST", "/api/night-market/check-in", { pitchNightId: holder.id }),
      403,
      "night_market.not_your_pitch",
      "pitchNightId",
    );
    const res = await req(holderSession, "POST", "/api/night-market/check-in", { pitchNightId: holder.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("checked_in");
    await refused(
      ["night_market_pitch_nights"],
      () => req(holderSession, "POST", "/api/night-market/check-in", { pitchNightId: holder.id }),
      409,
      "night_market.already_checked_in",
    );
  });

  it("offers pitches not taken by the check-in time; of 20 simultaneous claims exactly one wins", async () => {
    const job = t.app.jobs.find((j) => j.name === "night-market.offer-untaken");
    if (!job) throw new Error("job missing");
    expect(await job.run(stationInstant(first, "19:30"))).toEqual({ released: 0, offered: 0 }); // before the time
    const result = (await job.run(stationInstant(first, "20:05"))) as { released: number; offered: number };
    expect(result).toEqual({ released: 2, offered: 2 });
    expect(await job.run(stationInstant(first, "20:10"))).toEqual({ released: 0, offered: 0 }); // once
    at(first, "20:06");
    const board = (await req(staff, "GET", `/api/night-market-board?stationId=${stationId}&night=${first}`)).json();
    const offer = board.offers.find((o: { pitchId: number }) => o.pitchId === pitch.F02);
    expect(offer.status).toBe("open");
    const waiting = (await req(staff, "GET", `/api/night-market-seasons/${seasonId}/allocation`))
      .json()
      .waitingList.map((w: { operatorId: number }) => w.operatorId);
    const ops = await t.database.db
      .selectFrom("night_market_operators as o")
      .innerJoin("users as u", "u.id", "o.user_id")
      .select(["o.id", "u.username"])
      .where("o.id", "in", waiting)
      .execute();
    const claimers = await Promise.all(
      ops
        .filter((o) => o.username.startsWith("nm_vendor"))
        .slice(0, 20)
        .map((o) => sessionOf(o.username)),
    );
    expect(claimers).toHaveLength(20);
    const answers = await Promise.all(claimers.map((s) => req(s, "POST", "/api/night-market/claims", { offerId: offer.id })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.id).toBe("night_market.offer_taken");
    const live = await t.database.db
      .selectFrom("night_market_pitch_nights")
      .select("id")
      .where("pitch_id", "=", pitch.F02)
      .where("night", "=", first)
      .where("status", "<>", "released")
      .execute();
    expect(live).toHaveLength(1);
    // The winner checks in at the pitch claimed.
    const winner = claimers[codes.indexOf(201)];
    expect(
      (await req(winner, "POST", "/api/night-market/check-in", { pitchNightId: answers[codes.indexOf(201)].json().id })).statusCode,
    ).toBe(200);
  });

  it("takes takings in integer fen, flagged against the usual; refuses negative, fractional or without a pitch", async () => {
    const takings: Table[] = ["night_market_takings", "night_market_nights"];
    await refused(
      takings,
      () => req(holderSession, "POST", "/api/night-market/takings", { night: first, amountFen: -100 }),
      400,
      "request.invalid",
      "amountFen",
    );
    await refused(
      takings,
      () => req(holderSession, "POST", "/api/night-market/takings", { night: first, amountFen: 123.5 }),
      400,
      "request.invalid",
      "amountFen",
    );
    await refused(
      takings,
      () => req(jumin, "POST", "/api/night-market/takings", { night: first, amountFen: 100 }),
      403,
      "night_market.not_your_pitch",
      "night",
    );
    const res = await req(holderSession, "POST", "/api/night-market/takings", { night: first, amountFen: 256_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ night: first, amountFen: 256_000, unusual: false });
  });

  it("records entrance counts, refusing more exits than entries", async () => {
    const tables: Table[] = ["night_market_counts", "night_market_nights"];
    await refused(
      tables,
      () =>
        req(staff, "POST", "/api/night-market-nights/counts", {
          night: first,
          stationId,
          counts: [{ entrance: "东门", method: "clicker", visitorsIn: 100, visitorsOut: 150 }],
        }),
      400,
      "night_market.exits_exceed_entries",
      "counts",
    );
    await refused(
      tables,
      () =>
        req(staff, "POST", "/api/night-market-nights/counts", {
          night: first,
          stationId,
          counts: [{ entrance: "东门", method: "guess", visitorsIn: 100, visitorsOut: 50 }],
        }),
      400,
      "request.invalid",
      "counts.0.method",
    );
    const res = await req(staff, "POST", "/api/night-market-nights/counts", {
      night: first,
      stationId,
      weather: "clear",
      counts: [
        { entrance: "东门", method: "clicker", visitorsIn: 900, visitorsOut: 850 },
        { entrance: "西门", method: "camera", visitorsIn: 600, visitorsOut: 640 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "open", weather: "clear" });
  });

  it("records incidents: a problem in the governance loop, bad records suspending the operator at the season's number", async () => {
    const problems = await count("problems");
    const one = await req(staff, "POST", "/api/night-market-incidents", {
      stationId,
      night: first,
      kind: "noise",
      pitchId: pitch.F01,
      description: "音箱音量过大",
      badRecord: true,
      toProblem: true,
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({ operatorId: holder.operator_id, badRecord: true });
    expect(await count("problems")).toBe(problems + 1);
    const problem = await t.database.db
      .selectFrom("problems")
      .select(["problems.category_code as code", "problems.status"])
      .where("problems.id", "=", one.json().problemId)
      .executeTakeFirstOrThrow();
    expect(problem).toEqual({ code: "market_order", status: "submitted" });
    let op = await t.database.db
      .selectFrom("night_market_operators")
      .selectAll()
      .where("id", "=", holder.operator_id)
      .executeTakeFirstOrThrow();
    expect(op).toMatchObject({ bad_records: 1, suspended_at: null });
    await refused(
      ["night_market_incidents"],
      () =>
        req(staff, "POST", "/api/night-market-incidents", {
          stationId,
          night: first,
          kind: "hygiene",
          pitchId: 999_999,
          description: "x",
          badRecord: true,
        }),
      400,
      "night_market.bad_pitch",
      "pitchId",
    );
    expect(
      (
        await req(staff, "POST", "/api/night-market-incidents", {
          stationId,
          night: first,
          kind: "hygiene",
          pitchId: pitch.F01,
          description: "地面油污未清理",
          badRecord: true,
        })
      ).statusCode,
    ).toBe(201);
    op = await t.database.db
      .selectFrom("night_market_operators")
      .selectAll()
      .where("id", "=", holder.operator_id)
      .executeTakeFirstOrThrow();
    expect(op.bad_records).toBe(2);
    expect(op.suspended_at).not.toBeNull();
    // An incident of an earlier night, recorded after a later one, answers as itself.
    expect(
      (
        await req(staff, "POST", "/api/night-market-incidents", {
          stationId,
          night: addDays(first, 1),
          kind: "other",
          description: "北门临时封闭",
        })
      ).statusCode,
    ).toBe(201);
    const earlier = await req(staff, "POST", "/api/night-market-incidents", {
      stationId,
      night: addDays(first, 1),
      kind: "dispute",
      description: "顾客排队争执",
    });
    expect(earlier.json()).toMatchObject({ night: addDays(first, 1), kind: "dispute" });
    // Suspended: no check-in the next night.
    const next = addDays(first, 1);
    const tomorrow = await holderOf(pitch.F01, next);
    at(next, "18:30");
    await refused(
      ["night_market_pitch_nights"],
      () => req(holderSession, "POST", "/api/night-market/check-in", { pitchNightId: tomorrow.id }),
      409,
      "night_market.suspended",
    );
  });

  let nightId: number;
  it("staff close the night: its figures computed from counts, takings, check-ins and incidents; closed once", async () => {
    const board = (await req(staff, "GET", `/api/night-market-board?stationId=${stationId}&night=${first}`)).json();
    nightId = board.report.id;
    const res = await req(staff, "POST", `/api/night-market-nights/${nightId}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "closed",
      visitorsIn: 1500,
      visitorsOut: 1490,
      turnoverFen: 256_000,
      operators: 2,
      incidents: 2,
    });
    await refused(
      ["night_market_nights"],
      () => req(staff, "POST", `/api/night-market-nights/${nightId}/close`, {}),
      409,
      "night_market.night_closed",
    );
    await refused(
      ["night_market_takings"],
      () => req(holderSession, "POST", "/api/night-market/takings", { night: first, amountFen: 1 }),
      409,
      "night_market.night_closed",
      "night",
    );
  });

  it("corrects a closed night only with a reason, audited", async () => {
    await refused(
      ["night_market_counts"],
      () =>
        req(staff, "POST", `/api/night-market-nights/${nightId}/correction`, {
          counts: [{ entrance: "东门", method: "clicker", visitorsIn: 1000, visitorsOut: 900 }],
        }),
      400,
      "request.invalid",
      "reason",
    );
    const res = await req(staff, "POST", `/api/night-market-nights/${nightId}/correction`, {
      reason: "西门计数器漏记一段时间，按监控补录",
      counts: [
        { entrance: "东门", method: "clicker", visitorsIn: 900, visitorsOut: 850 },
        { entrance: "西门", method: "camera", visitorsIn: 700, visitorsOut: 700 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ visitorsIn: 1600, correctionReason: "西门计数器漏记一段时间，按监控补录" });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["before_json", "after_json"])
      .where("action", "=", "night_market_night.corrected")
      .where("object_id", "=", String(nightId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? "{}").visitorsIn).toBe(1500);
    expect(JSON.parse(audit.after_json ?? "{}").visitorsIn).toBe(1600);
  });

  it("the figures stand on the closed nights, link to them, and export to Excel", async () => {
    const f = (await req(staff, "GET", `/api/night-market-figures?stationId=${stationId}&seasonId=${seasonId}`)).json();
    expect(f).toMatchObject({
      nights: 1,
      visitorsPerNight: { value: 1600 },
      turnoverPerNight: { averageFen: 256_000, minFen: 256_000, maxFen: 256_000 },
      operatorsPerNight: { value: 2 },
    });
    expect(f.visitorsPerNight.citation.recordCount).toBe(1);
    expect(f.visitorsByMonth.rows[0].link).toContain(`month=${first.slice(0, 7)}`);
    const linked = (await req(staff, "GET", `/api/night-market-nights?stationId=${stationId}&seasonId=${seasonId}&status=closed`)).json();
    expect(linked.items.map((n: { night: string }) => n.night)).toEqual([first]);
    const xlsx = await req(staff, "GET", `/api/night-market-figures/export?stationId=${stationId}&seasonId=${seasonId}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(2).getCell(2).value).toBe(1600);
  });

  it("records fees, deposits and refunds in fen; a refund never exceeds what was paid", async () => {
    const url = `/api/night-market-seasons/${seasonId}/payments`;
    expect((await req(staff, "POST", url, { operatorId: holder.operator_id, kind: "deposit", amountFen: 50_000 })).statusCode).toBe(201);
    await refused(
      ["night_market_payments"],
      () => req(staff, "POST", url, { operatorId: holder.operator_id, kind: "deposit_refund", amountFen: 60_000 }),
      400,
      "night_market.refund_exceeds",
      "amountFen",
    );
    await refused(
      ["night_market_payments"],
      () => req(staff, "POST", url, { operatorId: holder.operator_id, kind: "fee", amountFen: 10.5 }),
      400,
      "request.invalid",
      "amountFen",
    );
    expect((await req(staff, "POST", url, { operatorId: holder.operator_id, kind: "deposit_refund", amountFen: 50_000 })).statusCode).toBe(
      201,
    );
    const balances = (await req(staff, "GET", url)).json().balances;
    expect(balances.find((b: { operatorId: number }) => b.operatorId === holder.operator_id)).toMatchObject({
      depositsFen: 50_000,
      depositRefundsFen: 50_000,
    });
  });

  it("keeps the jobs register with personal data masked; an unmasked view is audited", async () => {
    const job = {
      stationId,
      employerKind: "operator",
      operatorId: holder.operator_id,
      personName: "阿卜杜拉·买买提",
      mobile: "13912345678",
      role: "烤肉师傅",
      origin: "喀什地区",
      startsOn: first,
      hasContract: true,
    };
    await refused(
      ["night_market_jobs"],
      () => req(staff, "POST", "/api/night-market-jobs", { ...job, mobile: "12345" }),
      400,
      "request.invalid",
      "mobile",
    );
    await refused(
      ["night_market_jobs"],
      () => req(staff, "POST", "/api/night-market-jobs", { ...job, endsOn: addDays(first, -1) }),
      400,
      "night_market.bad_job_dates",
      "endsOn",
    );
    await refused(
      ["night_market_jobs"],
      () => req(staff, "POST", "/api/night-market-jobs", { ...job, operatorId: null }),
      400,
      "night_market.bad_operator",
      "operatorId",
    );
    const res = await req(staff, "POST", "/api/night-market-jobs", job);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mobile: "139****5678", personName: "阿***", masked: true, current: true });
    const full = await req(staff, "POST", `/api/night-market-jobs/${res.json().id}/unmask`);
    expect(full.json()).toMatchObject({ mobile: "13912345678", personName: "阿卜杜拉·买买提", masked: false });
    expect(
      await t.database.db
        .selectFrom("audit_log")
        .select("seq")
        .where("action", "=", "personal.unmasked")
        .where("object_type", "=", "night_market_job")
        .execute(),
    ).toHaveLength(1);
  });

  it("residents see tonight's market; other stations see nothing of it", async () => {
    at(addDays(first, 3), "19:30");
    const tonight = (await req(jumin, "GET", "/api/night-market/tonight")).json();
    expect(tonight).toMatchObject({ open: true, seasonName: "测试冬季夜市" });
    expect(tonight.pitches).toHaveLength(3);
    const youyi = await t.login("youyi");
    expect((await req(youyi, "GET", `/api/night-market-seasons/${seasonId}`)).statusCode).toBe(404);
    expect((await req(youyi, "GET", "/api/night-market-seasons")).json().find((s: { id: number }) => s.id === seasonId)).toBeUndefined();
  });
});
