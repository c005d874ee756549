import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthRange, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import type { Workbench, WorkbenchFigure } from "../../../contracts/workbench.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the workbench over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let shuji: Session;
  let wuye: Session;
  let district: Session;
  let merchant: Session;
  let wuyeUnitId: number;

  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });
  const workbench = async (s: Session, query = ""): Promise<Workbench> => {
    const res = await get(s, `/api/me/workbench${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const total = async (s: Session, url: string): Promise<number> => {
    const res = await get(s, url);
    expect(res.statusCode, url).toBe(200);
    return res.json().total;
  };
  const figure = (figures: WorkbenchFigure[] | null | undefined, key: WorkbenchFigure["key"]) => {
    const f = figures?.find((x) => x.key === key);
    if (!f) throw new Error(`no figure ${key}`);
    return f;
  };
  const report = (s: Session, title: string) =>
    t.as(s, { method: "POST", url: "/api/problems", payload: { title, description: "工作台测试", categoryCode: "market_order" } });
  const act = (s: Session, id: number, payload: Record<string, unknown>) =>
    t.as(s, { method: "POST", url: `/api/problems/${id}/actions`, payload });

  beforeAll(async () => {
    t = await createTestApp();
    [staff, shuji, wuye, district, merchant] = await Promise.all(["staff", "shuji", "wuye", "district", "shanghu"].map((u) => t.login(u)));
    wuyeUnitId = (
      await t.database.db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow()
    ).alliance_unit_id as number;
  });
  afterAll(() => t.close());

  it("shows each role its own parts, counted at the clock's now", async () => {
    const parts = async (s: Session) => {
      const from = t.clock.now().toISOString();
      const w = await workbench(s);
      expect(w.computedAt >= from && w.computedAt <= t.clock.now().toISOString()).toBe(true);
      expect(w.date).toBe(stationDate(w.computedAt));
      return { station: w.station !== null, party: w.party !== null, unit: w.unit !== null, stations: w.stations !== null };
    };
    expect(await parts(staff)).toEqual({ station: true, party: false, unit: false, stations: false });
    expect(await parts(shuji)).toEqual({ station: false, party: true, unit: false, stations: false });
    expect(await parts(wuye)).toEqual({ station: false, party: false, unit: true, stations: false });
    expect(await parts(district)).toEqual({ station: false, party: false, unit: false, stations: true });
    // Merchants have no console home.
    expect((await get(merchant, "/api/me/workbench")).statusCode).toBe(403);
  });

  it("counts a station's work as its lists do, and a new report adds one to the new problems", async () => {
    const before = (await workbench(staff)).station;
    expect(figure(before, "newProblems").value).toBe(await total(staff, "/api/problems?status=submitted"));
    expect(figure(before, "newProblems").link).toBe("/problems?status=submitted");
    expect(figure(before, "overdueProblems").value).toBe(await total(staff, "/api/problems?overdue=true"));
    expect(figure(before, "overdueProblems").link).toBe("/problems?tab=overdue");
    expect(figure(before, "overdueLoans").value).toBe(await total(staff, "/api/lending/loans?view=overdue"));
    expect(figure(before, "overdueLoans").link).toBe("/services/lending?tab=loans&view=overdue");
    const day = (await get(staff, "/api/services/counter")).json();
    expect(figure(before, "queueToday").value).toBe(day.queue.length);
    expect(figure(before, "bookingsToday").value).toBe(day.expected.length);
    expect(figure(before, "bookingsToday").link).toBe(`/services/requests?status=booked&from=${day.date}&to=${day.date}`);
    const meals = (await get(staff, "/api/caring/meals/day")).json();
    expect(figure(before, "mealsUndelivered").value).toBe(meals.items.filter((i: { status: string }) => i.status === "pending").length);

    expect((await report(merchant, "工作台：新上报的问题")).statusCode).toBe(201);
    const after = (await workbench(staff)).station;
    expect(figure(after, "newProblems").value).toBe(figure(before, "newProblems").value + 1);
  });

  it("shows a unit the problems assigned to it with their due dates, and its next duty days", async () => {
    const before = (await workbench(wuye)).unit;
    expect(figure(before?.figures, "assignedProblems").value).toBe(await total(wuye, "/api/problems?actionable=true"));
    expect(figure(before?.figures, "unitOverdueProblems").value).toBe(await total(wuye, "/api/problems?overdue=true"));
    const shifts = (await get(wuye, "/api/duty/my-shifts")).json();
    const mine = shifts.items.filter((s: { mine: boolean }) => s.mine);
    expect(figure(before?.figures, "dutyDays").value).toBe(mine.length);
    expect(before?.dutyDays.map((d) => d.date)).toEqual(mine.slice(0, 5).map((s: { date: string }) => s.date));

    const created = (await report(merchant, "工作台：交办给物业")).json();
    const accepted = (await act(staff, created.id, { action: "accept", version: created.version })).json();
    const assigned = await act(staff, created.id, { action: "assign", unitId: wuyeUnitId, version: accepted.version });
    expect(assigned.statusCode).toBe(200);
    const after = (await workbench(wuye)).unit;
    expect(figure(after?.figures, "assignedProblems").value).toBe(figure(before?.figures, "assignedProblems").value + 1);
    expect(figure(after?.figures, "assignedProblems").link).toBe("/problems?tab=mine");
    // Soonest due first, each with its due date.
    const dues = (after?.problems ?? []).map((p) => p.dueAt ?? "9999");
    expect(dues).toEqual([...dues].sort());
    expect(after?.problems.length).toBe(Math.min(5, figure(after?.figures, "assignedProblems").value));
  });

  it("shows a branch secretary the development steps due or overdue and the meetings due this month", async () => {
    const w = (await workbench(shuji)).party;
    expect(figure(w?.figures, "developmentOverdue").value).toBe(await total(shuji, "/api/party/cases?status=active&overdue=true"));
    expect(figure(w?.figures, "developmentDueSoon").value).toBe(await total(shuji, "/api/party/cases?due=true"));
    expect(figure(w?.figures, "developmentDueSoon").link).toBe("/party/development?due=true");
    expect(figure(w?.figures, "meetingsDue").value).toBe(w?.meetingsDue.length);
    const month = monthRange(stationMonth(t.clock.now()));
    for (const m of w?.meetingsDue ?? []) expect(m.dueBy).toBe(month.to);

    // Holding a meeting of a due kind this month takes it off the list.
    const due = w?.meetingsDue.find((m) => m.scheduledOn === null);
    if (!due) return; // every due meeting already scheduled at this instant
    const today = stationDate(t.clock.now());
    const created = await t.as(shuji, {
      method: "POST",
      url: "/api/party/meetings",
      payload: { branchId: due.branchId, kind: due.kind, title: "工作台测试会议", heldOn: today },
    });
    expect(created.statusCode).toBe(201);
    const scheduled = (await workbench(shuji)).party?.meetingsDue.find((m) => m.branchId === due.branchId && m.kind === due.kind);
    expect(scheduled?.scheduledOn).toBe(today);
    const held = await t.as(shuji, {
      method: "POST",
      url: `/api/party/meetings/${created.json().id}/hold`,
      payload: { minutes: "会议按议程进行，工作台测试记录。", version: created.json().version },
    });
    expect(held.statusCode).toBe(200);
    const after = (await workbench(shuji)).party;
    expect(after?.meetingsDue.some((m) => m.branchId === due.branchId && m.kind === due.kind)).toBe(false);
    expect(figure(after?.figures, "meetingsDue").value).toBe((w?.meetingsDue.length ?? 0) - 1);
  });

  it("puts a district's stations side by side, each figure as its station's list counts it", async () => {
    const w = await workbench(district);
    const stations = w.stations ?? [];
    expect(stations.length).toBeGreaterThanOrEqual(2);
    const month = monthRange(stationMonth(t.clock.now()));
    for (const s of stations) {
      const q = `stationId=${s.stationId}`;
      expect(figure(s.figures, "newProblems").value).toBe(await total(district, `/api/problems?${q}&status=submitted`));
      expect(figure(s.figures, "overdueProblems").value).toBe(await total(district, `/api/problems?${q}&overdue=true`));
      expect(figure(s.figures, "problemsThisMonth").value).toBe(
        await total(district, `/api/problems?${q}&from=${month.from}&to=${month.to}`),
      );
      expect(figure(s.figures, "overdueLoans").value).toBe(await total(district, `/api/lending/loans?${q}&view=overdue`));
      // The district may not open the counter's requests, so its table has no figure leading there.
      expect(s.figures.some((f) => f.key === "requestsThisMonth")).toBe(false);
      expect(figure(s.figures, "newProblems").link).toBe(`/problems?status=submitted&${q}`);
    }
    // One station asked for: only its row.
    const one = await workbench(district, `?stationId=${stations[0].stationId}`);
    expect(one.stations?.map((s) => s.stationId)).toEqual([stations[0].stationId]);
  });

  it("gives the platform admin every station's row with this month's counter requests, and today's work summed", async () => {
    const admin = await t.login("admin");
    const w = await workbench(admin);
    const month = monthRange(stationMonth(t.clock.now()));
    expect(w.station).not.toBeNull();
    expect(figure(w.station, "newProblems").value).toBe(await total(admin, "/api/problems?status=submitted"));
    for (const s of w.stations ?? []) {
      expect(figure(s.figures, "requestsThisMonth").value).toBe(
        await total(admin, `/api/services/requests?stationId=${s.stationId}&from=${month.from}&to=${month.to}`),
      );
    }
  });

  it("answers the phone's own Party record with null, not 404, for an account that has none", async () => {
    const res = await get(merchant, "/api/me/party");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });
});
