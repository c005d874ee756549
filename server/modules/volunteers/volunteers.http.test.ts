import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Signup = { id: number; status: string; arrival: number; volunteerId: number; minutes: number | null; checkedInAt: string | null };

describe(`the volunteer service over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  let teamId: number;
  let otherTeamId: number;
  const people: Session[] = [];
  let outsider: Session;

  const count = async (table: "volunteer_signups" | "volunteer_occurrences" | "volunteer_objections" | "audit_log") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const at = t.clock.now().toISOString();
    const team = (name: string) =>
      db
        .insertInto("volunteer_teams")
        .values({
          station_id: stationId,
          name,
          description: null,
          leader_volunteer_id: null,
          unit_id: null,
          service_menu: "[]",
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    teamId = (await team("测试服务队")).id;
    otherTeamId = (await team("另一服务队")).id;
    // 31 new volunteer accounts (the demo password), each registering on the phone; 30 join the test team.
    const hash = (await db.selectFrom("users").select("password_hash").where("username", "=", "zhiyuanzhe").executeTakeFirstOrThrow())
      .password_hash;
    for (let i = 0; i < 31; i++) {
      await db
        .insertInto("users")
        .values({
          username: `vt${i}`,
          display_name: `测试志愿者${i}`,
          password_hash: hash,
          role: "volunteer",
          org_unit_id: stationId,
          alliance_unit_id: null,
          merchant_id: null,
          resident_id: null,
          mobile_enc: null,
          mobile_hash: null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (let i = 0; i < 31; i++) {
      const s = await t.login(`vt${i}`);
      const reg = await t.as(s, {
        method: "POST",
        url: "/api/me/volunteering",
        payload: { realName: `测试${i}`, skills: ["理发"], politicalStatus: "none", consent: true },
      });
      expect(reg.statusCode).toBe(201);
      if (i === 30) {
        outsider = s;
        continue;
      }
      const m = await t.as(s, { method: "POST", url: "/api/me/volunteering/memberships", payload: { teamId } });
      expect(m.statusCode).toBe(201);
      expect(
        (await t.as(staff, { method: "POST", url: `/api/volunteer-memberships/${m.json().id}/decision`, payload: { approve: true } }))
          .statusCode,
      ).toBe(200);
      people.push(s);
    }
  }, 120_000);
  afterAll(() => t.close());

  // Sessions lapse after 30 idle minutes: moving the clock on means signing in again.
  const jump = async (at: Date) => {
    t.clock.set(at);
    staff = await t.login("staff");
    for (let k = 0; k < 5; k++) people[k] = await t.login(`vt${k}`);
  };
  const series = (payload: object) => t.as(staff, { method: "POST", url: "/api/volunteer-series", payload });
  const occurrenceOn = async (seriesId: number) =>
    await t.database.db
      .selectFrom("volunteer_occurrences")
      .select(["id", "date"])
      .where("series_id", "=", seriesId)
      .executeTakeFirstOrThrow();
  const detail = async (id: number) => (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${id}` })).json();

  it("registers volunteers with a volunteer number and consent, never twice", async () => {
    const me = (await t.as(people[0], { method: "GET", url: "/api/me/volunteering" })).json();
    expect(me.volunteer.number).toMatch(/^TY-V-\d{4}$/);
    expect(me.volunteer.teams).toEqual([expect.objectContaining({ teamId, status: "approved" })]);
    const again = await t.as(people[0], {
      method: "POST",
      url: "/api/me/volunteering",
      payload: { realName: "再来", politicalStatus: "none", consent: true },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe("volunteer.already_registered");
    const jumin = await t.login("jumin");
    const noConsent = await t.as(jumin, {
      method: "POST",
      url: "/api/me/volunteering",
      payload: { realName: "居民", politicalStatus: "veteran", consent: false },
    });
    expect(noConsent.json().error.id).toBe("volunteer.consent_required");
    expect(await t.database.db.selectFrom("volunteers").select("id").where("real_name", "=", "居民").executeTakeFirst()).toBeUndefined();
    // A request is decided once; only the leader or the station decides.
    const req = await t.as(outsider, { method: "POST", url: "/api/me/volunteering/memberships", payload: { teamId: otherTeamId } });
    expect(req.statusCode).toBe(201);
    const byPeer = await t.as(people[1], {
      method: "POST",
      url: `/api/volunteer-memberships/${req.json().id}/decision`,
      payload: { approve: true },
    });
    expect(byPeer.json().error.id).toBe("volunteer.not_leader");
    expect(
      (await t.as(outsider, { method: "POST", url: "/api/me/volunteering/memberships", payload: { teamId: otherTeamId } })).json().error.id,
    ).toBe("volunteer.membership_exists");
    expect((await t.as(outsider, { method: "POST", url: `/api/volunteer-memberships/${req.json().id}/leave` })).json().status).toBe("left");
  });

  it("generates a series' occurrences ahead once per date, by the button and by the job", async () => {
    const res = await series({
      title: "每周三便民服务",
      repeat: { kind: "weekly", weekdays: [3] },
      place: "服务站",
      startTime: "10:00",
      endTime: "11:30",
      teamIds: [teamId],
      placesPerTeam: 5,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBeGreaterThanOrEqual(8);
    const before = await count("volunteer_occurrences");
    expect((await t.as(staff, { method: "POST", url: "/api/volunteer-series/generate", payload: { days: 60 } })).json().created).toBe(0);
    const job = t.app.jobs.find((j) => j.name === "volunteers.occurrences");
    expect(await job?.run(t.clock.now())).toEqual({ created: 0 });
    expect(await count("volunteer_occurrences")).toBe(before);
    const bad = await series({
      title: "x",
      repeat: { kind: "once", date: addDays(stationDate(t.clock.now()), 5) },
      place: "p",
      startTime: "10:00",
      endTime: "09:00",
      teamIds: [teamId],
      placesPerTeam: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad)).toContain("endTime");
  });

  it("30 simultaneous sign-ups for 10 places: 10 signed up, 20 waiting in arrival order; a withdrawal promotes exactly one", async () => {
    const date = addDays(stationDate(t.clock.now()), 10);
    const created = await series({
      title: "一次性活动",
      repeat: { kind: "once", date },
      place: "广场",
      startTime: "10:00",
      endTime: "12:00",
      teamIds: [teamId],
      placesPerTeam: 10,
    });
    expect(created.json().created).toBe(1);
    const occ = await occurrenceOn(created.json().series.id);
    const answers = await Promise.all(
      people.map((s) => t.as(s, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 201));
    const signups = answers.map((a) => a.json() as Signup).sort((a, b) => a.arrival - b.arrival);
    expect(signups.map((s) => s.arrival)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(signups.slice(0, 10).every((s) => s.status === "signed_up")).toBe(true);
    expect(signups.slice(10).every((s) => s.status === "waitlisted")).toBe(true);

    // Twice: refused, nothing written.
    const rows = await count("volunteer_signups");
    const twice = await t.as(people[0], { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("volunteer.already_signed_up");
    const notMember = await t.as(outsider, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} });
    expect(notMember.json().error.id).toBe("volunteer.not_in_team");
    expect(await count("volunteer_signups")).toBe(rows);

    // Two simultaneous withdrawals of signed-up people: exactly two promoted, the next two in arrival order.
    const [a, b] = signups.slice(0, 2);
    const owner = (s: Signup) => people[answers.findIndex((x) => x.json().id === s.id)];
    const w = await Promise.all([a, b].map((s) => t.as(owner(s), { method: "POST", url: `/api/volunteer-signups/${s.id}/withdraw` })));
    expect(w.map((x) => x.json().status)).toEqual(["withdrawn", "withdrawn"]);
    const after = (await detail(occ.id)).signups as Signup[];
    const signedUp = after.filter((s) => s.status === "signed_up").map((s) => s.arrival);
    expect(signedUp).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(after.filter((s) => s.status === "waitlisted").map((s) => s.arrival)).toEqual(Array.from({ length: 18 }, (_, i) => i + 13));
    // A waitlisted withdrawal promotes nobody.
    const waiting = after.find((s) => s.arrival === 20) as Signup;
    await t.as(owner(waiting), { method: "POST", url: `/api/volunteer-signups/${waiting.id}/withdraw` });
    expect(((await detail(occ.id)).signups as Signup[]).filter((s) => s.status === "signed_up")).toHaveLength(10);
    // Withdrawn again: refused. A withdrawn volunteer may sign up again, at the end of the list.
    expect((await t.as(owner(a), { method: "POST", url: `/api/volunteer-signups/${a.id}/withdraw` })).json().error.id).toBe(
      "volunteer.signup_transition",
    );
    const back = await t.as(owner(a), { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} });
    // Refused sign-ups took no arrival number: their transaction rolled back.
    expect(back.json()).toMatchObject({ status: "waitlisted", arrival: 31 });

    // An occurrence people joined cannot be withdrawn, only cancelled; then nobody signs up.
    const withdraw = await t.as(staff, {
      method: "POST",
      url: `/api/volunteer-occurrences/${occ.id}/withdraw`,
      payload: { reason: "场地冲突" },
    });
    expect(withdraw.json().error.id).toBe("volunteer.has_signups");
    const cancel = await t.as(staff, {
      method: "POST",
      url: `/api/volunteer-occurrences/${occ.id}/cancel`,
      payload: { reason: "大风天气" },
    });
    expect(cancel.json()).toMatchObject({ status: "cancelled", statusReason: "大风天气" });
    const rows2 = await count("volunteer_signups");
    expect(
      (await t.as(owner(b), { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} })).json().error.id,
    ).toBe("volunteer.occurrence_closed");
    expect(await count("volunteer_signups")).toBe(rows2);
  });

  it("checks in and out with the rotating code, counts hours, certifies once, takes objections and corrections for 7 days", async () => {
    const date = addDays(stationDate(t.clock.now()), 3);
    const created = await series({
      title: "磨刀服务",
      repeat: { kind: "once", date },
      place: "门前",
      startTime: "10:00",
      endTime: "12:00",
      teamIds: [teamId],
      placesPerTeam: 10,
    });
    const occ = await occurrenceOn(created.json().series.id);
    const other = await occurrenceOn(
      (
        await series({
          title: "另一场",
          repeat: { kind: "once", date },
          place: "门前",
          startTime: "10:00",
          endTime: "12:00",
          teamIds: [teamId],
          placesPerTeam: 10,
        })
      ).json().series.id,
    );
    for (const s of [people[0], people[1], people[2]])
      expect((await t.as(s, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} })).statusCode).toBe(201);

    // Past the deadline (24 hours before): refused, nothing written.
    await jump(stationInstant(addDays(date, -1), "10:01"));
    const rows = await count("volunteer_signups");
    const late = await t.as(people[4], { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.id).toBe("volunteer.signup_closed");
    expect(await count("volunteer_signups")).toBe(rows);

    await jump(stationInstant(date, "09:50"));
    const code = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${occ.id}/checkin-code` })).json();
    const otherCode = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${other.id}/checkin-code` })).json().code;
    const post = (s: Session, kind: "check-in" | "check-out", c: string) =>
      t.as(s, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/${kind}`, payload: { code: c } });
    const audits = await count("audit_log");
    expect((await post(people[0], "check-in", otherCode)).json().error.id).toBe("volunteer.code_other_occurrence");
    const [o, slot, sig] = code.code.split(".");
    expect((await post(people[0], "check-in", `${o}.${Number(slot) - 1}.${sig}`)).json().error.id).toBe("volunteer.code_invalid");
    expect((await post(people[0], "check-in", `${code.code.slice(0, -1)}${code.code.endsWith("A") ? "B" : "A"}`)).json().error.id).toBe(
      "volunteer.code_invalid",
    );
    expect((await post(people[1], "check-out", code.code)).json().error.id).toBe("volunteer.not_checked_in");
    expect(await count("audit_log")).toBe(audits);
    const in1 = await post(people[0], "check-in", code.code);
    expect(in1.statusCode).toBe(200);
    expect(in1.json().status).toBe("attended");
    expect((await post(people[0], "check-in", code.code)).json().error.id).toBe("volunteer.already_checked_in");
    // Three minutes on, the code has expired.
    await jump(stationInstant(date, "10:20"));
    expect((await post(people[1], "check-in", code.code)).json().error.id).toBe("volunteer.code_expired");
    const fresh = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${occ.id}/checkin-code` })).json().code;
    expect((await post(people[1], "check-in", fresh)).statusCode).toBe(200);

    // Half a minute into 11:40, so the clock running on during the requests does not cut a minute.
    await jump(new Date(stationInstant(date, "11:40").getTime() + 30_000));
    const fresh2 = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${occ.id}/checkin-code` })).json().code;
    // people[0] from 09:50 (clipped to 10:00) to 11:40: 100 minutes; people[1] from 10:20 to 11:40 is 80 of 120 minutes (≥ 60 %).
    expect((await post(people[0], "check-out", fresh2)).json().minutes).toBe(100);
    expect((await post(people[1], "check-out", fresh2)).json().minutes).toBe(80);
    expect((await post(people[0], "check-out", fresh2)).json().error.id).toBe("volunteer.already_checked_out");
    const early = await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/certify` });
    expect(early.json().error.id).toBe("volunteer.not_ended");

    await jump(stationInstant(date, "12:30"));
    const certified = await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/certify` });
    expect(certified.statusCode).toBe(200);
    expect(certified.json().certification).toBe("publicised");
    const bySignup = new Map((certified.json().signups as Signup[]).map((s) => [s.arrival, s]));
    expect(bySignup.get(3)).toMatchObject({ status: "no_show", minutes: 0 });
    const twice = await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/certify` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("volunteer.already_certified");

    // people[1] objects; a correction needs a reason, stays within the window, and resolves the objection.
    const objection = await t.as(people[1], {
      method: "POST",
      url: `/api/volunteer-occurrences/${occ.id}/objections`,
      payload: { reason: "我10点就到了，忘记扫码" },
    });
    expect(objection.statusCode).toBe(201);
    expect(
      (
        await t.as(people[1], {
          method: "POST",
          url: `/api/volunteer-occurrences/${occ.id}/objections`,
          payload: { reason: "再提一次异议" },
        })
      ).json().error.id,
    ).toBe("volunteer.objection_open");
    const signupId = bySignup.get(2)?.id;
    const correct = (payload: object) => t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/corrections`, payload });
    expect((await correct({ signupId, minutes: 120 })).statusCode).toBe(400);
    const outside = await correct({ signupId, minutes: 121, reason: "按签到表更正" });
    expect(outside.json().error.id).toBe("volunteer.hours_outside_window");
    const fixed = await correct({ signupId, minutes: 120, reason: "组织者核实 10:00 到场", objectionId: objection.json().id });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().signups.find((s: Signup) => s.id === signupId)).toMatchObject({
      minutes: 120,
      correctionReason: "组织者核实 10:00 到场",
    });
    expect(fixed.json().objections[0]).toMatchObject({ status: "resolved" });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "volunteer_signup.hours_corrected")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).toContain("组织者核实");

    // Seven days later the hours are final: no objection, no correction.
    await jump(new Date(Date.parse(certified.json().publicUntil) + 1000));
    expect((await detail(occ.id)).certification).toBe("final");
    expect(
      (
        await t.as(people[0], { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/objections`, payload: { reason: "时长不对" } })
      ).json().error.id,
    ).toBe("volunteer.hours_final");
    expect((await correct({ signupId, minutes: 60, reason: "再改一次" })).json().error.id).toBe("volunteer.hours_final");
    const mine = (await t.as(people[1], { method: "GET", url: "/api/me/volunteering" })).json();
    expect(mine.certifiedMinutes).toBe(120);
  });

  it("another station's admin sees none of it", async () => {
    const youyi = await t.login("youyi");
    const occ = await t.database.db
      .selectFrom("volunteer_occurrences")
      .select("id")
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect((await t.as(youyi, { method: "GET", url: `/api/volunteer-occurrences/${occ.id}` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: `/api/volunteer-occurrences/${occ.id}/checkin-code` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: "/api/volunteer-teams" })).json()).toEqual([]);
  });
});
