import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Signup = {
  id: number;
  volunteerId: number;
  status: string;
  source: string;
  replacesSignupId: number | null;
  confirmationAskedAt: string | null;
  confirmedAt: string | null;
  checkedInAt: string | null;
  minutes: number | null;
  enteredBy: string | null;
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
function multipart(file: Buffer) {
  const boundary = "----dandelion-roster";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.png"\r\nContent-Type: image/png\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`the roster: cancellations told, assignments, substitutions, the day-before confirmation, the paper roster (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let teamId: number;
  let otherTeamId: number;
  /** The knife-sharpeners: their leader, zhiyuanzhe and four more members (usernames), and a barber. */
  let leader: string;
  let members: string[];
  let barber: string;
  const volunteerIds = new Map<string, number>();

  const notices = async (username: string, kind: string) =>
    await t.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select(["n.title", "n.body"])
      .where("u.username", "=", username)
      .where("n.kind", "=", kind)
      .execute();
  const once = async (date: string, placesPerTeam = 3, start = "10:00", end = "12:00") => {
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/volunteer-series",
      payload: {
        title: "磨刀进社区",
        repeat: { kind: "once", date },
        place: "服务站门前",
        startTime: start,
        endTime: end,
        teamIds: [teamId],
        placesPerTeam,
      },
    });
    expect(res.statusCode).toBe(201);
    return (
      await t.database.db
        .selectFrom("volunteer_occurrences")
        .select("id")
        .where("series_id", "=", res.json().series.id)
        .executeTakeFirstOrThrow()
    ).id;
  };
  const signUp = async (username: string, occurrenceId: number) => {
    const res = await t.as(await t.login(username), {
      method: "POST",
      url: `/api/volunteer-occurrences/${occurrenceId}/signups`,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Signup;
  };
  const detail = async (id: number) => (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${id}` })).json();
  const jump = async (at: Date) => {
    t.clock.set(at);
    staff = await t.login("staff");
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    const team = await db
      .selectFrom("volunteer_teams as t")
      .innerJoin("volunteers as v", "v.id", "t.leader_volunteer_id")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select(["t.id", "u.username"])
      .where("t.name", "=", "“老党员+退伍老兵”磨刀队")
      .executeTakeFirstOrThrow();
    teamId = team.id;
    leader = team.username;
    const people = await db
      .selectFrom("volunteer_memberships as m")
      .innerJoin("volunteers as v", "v.id", "m.volunteer_id")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select(["u.username", "v.id", "m.team_id"])
      .where("m.status", "=", "approved")
      .orderBy("v.id")
      .execute();
    for (const p of people) volunteerIds.set(p.username, p.id);
    members = people.filter((p) => p.team_id === teamId && p.username !== leader).map((p) => p.username);
    const barbers = people.filter((p) => p.team_id !== teamId);
    barber = barbers[0].username;
    otherTeamId = barbers[0].team_id;
    expect(members).toContain("zhiyuanzhe");
  });
  afterAll(() => t.close());

  it("tells everybody signed up or waiting when an occurrence is cancelled, in their language", async () => {
    const occ = await once(addDays(stationDate(t.clock.now()), 5), 1);
    await signUp(members[0], occ);
    await signUp(members[1], occ); // waiting
    await t.database.db.updateTable("users").set({ locale: "en" }).where("username", "=", members[1]).execute();
    const res = await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ}/cancel`, payload: { reason: "大风天气。" } });
    expect(res.statusCode).toBe(200);
    const zh = await notices(members[0], "volunteer.occurrence_cancelled");
    expect(zh).toHaveLength(1);
    expect(zh[0].title).toBe("志愿活动已取消");
    expect(zh[0].body).toContain("磨刀进社区");
    expect(zh[0].body).toContain("大风天气。");
    expect(zh[0].body).not.toContain("。。");
    const en = await notices(members[1], "volunteer.occurrence_cancelled");
    expect(en.map((n) => n.title)).toEqual(["Volunteer activity cancelled"]);
    await t.database.db.updateTable("users").set({ locale: "zh-CN" }).where("username", "=", members[1]).execute();
  });

  it("lets the team's leader assign members into free places and substitute one by another, until the start", async () => {
    const date = addDays(stationDate(t.clock.now()), 6);
    const occ = await once(date, 2);
    const lead = await t.login(leader);
    const assign = (s: Session, volunteer: string, extra: object = {}) =>
      t.as(s, {
        method: "POST",
        url: `/api/volunteer-occurrences/${occ}/assignments`,
        payload: { volunteerId: volunteerIds.get(volunteer), ...extra },
      });
    const a = await assign(lead, members[2]);
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ status: "signed_up", source: "assigned" });
    expect(await notices(members[2], "volunteer.assigned")).toHaveLength(1);
    // A member who does not lead the team, or the leader of another team, may not.
    const peer = await assign(await t.login(members[3]), members[4]);
    expect(peer.statusCode).toBe(403);
    expect(peer.json().error.id).toBe("volunteer.not_leader");
    expect((await assign(lead, barber)).json()).toMatchObject({
      error: { id: "volunteer.not_member", fields: [{ field: "volunteerId" }] },
    });
    expect((await assign(lead, members[4], { teamId: otherTeamId })).json().error.fields[0].field).toBe("teamId");
    expect((await assign(lead, members[2])).json().error.id).toBe("volunteer.volunteer_signed_up");
    // The station assigns too; a full team is refused.
    expect((await assign(staff, members[3])).statusCode).toBe(201);
    const full = await assign(lead, members[4]);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.id).toBe("volunteer.team_full");

    // members[2] is replaced by members[4], who takes the place; both are told.
    const sub = await t.as(lead, {
      method: "POST",
      url: `/api/volunteer-signups/${a.json().id}/substitute`,
      payload: { volunteerId: volunteerIds.get(members[4]) },
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({ status: "signed_up", source: "substitute", replacesSignupId: a.json().id });
    expect(await notices(members[2], "volunteer.substituted")).toHaveLength(1);
    const signups = (await detail(occ)).signups as Signup[];
    expect(signups.find((s) => s.id === a.json().id)?.status).toBe("withdrawn");
    expect(signups.filter((s) => s.status === "signed_up")).toHaveLength(2);
    const again = await t.as(lead, {
      method: "POST",
      url: `/api/volunteer-signups/${sub.json().id}/substitute`,
      payload: { volunteerId: volunteerIds.get(members[3]) },
    });
    expect(again.json().error.id).toBe("volunteer.volunteer_signed_up");
    // Two assignments for the last place at once: one gets it.
    const race = await once(addDays(date, 1), 1);
    const both = await Promise.all(
      [
        [lead, members[0]],
        [staff, members[1]],
      ].map(([s, v]) =>
        t.as(s as Session, {
          method: "POST",
          url: `/api/volunteer-occurrences/${race}/assignments`,
          payload: { volunteerId: volunteerIds.get(v as string) },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json().error.id).toBe("volunteer.team_full");
    // From the start on, nobody is assigned.
    await jump(stationInstant(date, "10:00"));
    expect((await assign(staff, "zhiyuanzhe")).json().error.id).toBe("volunteer.started");
    await jump(new Date(Date.parse(stationInstant(date, "10:00").toISOString()) - 6 * 86_400_000));
  });

  it("asks those signed up the day before from 09:00, once, and shows the organiser who has not confirmed", async () => {
    const date = addDays(stationDate(t.clock.now()), 2);
    const occ = await once(date, 2);
    const first = await signUp(members[0], occ);
    await signUp(members[1], occ);
    await signUp(members[5], occ); // waiting: not asked
    const job = t.app.jobs.find((j) => j.name === "volunteers.confirmations");
    expect(job).toBeDefined();
    expect(await job?.run(stationInstant(addDays(date, -1), "08:30"))).toEqual({ asked: 0 });
    await jump(stationInstant(addDays(date, -1), "09:10"));
    expect(await job?.run(t.clock.now())).toEqual({ asked: 2 });
    expect(await job?.run(t.clock.now())).toEqual({ asked: 0 });
    expect(await notices(members[0], "volunteer.confirm_attendance")).toHaveLength(1);
    expect(await notices(members[5], "volunteer.confirm_attendance")).toHaveLength(0);
    const before = await detail(occ);
    expect(before.unconfirmed).toBe(2);
    const me = await t.login(members[0]);
    const confirmed = await t.as(me, { method: "POST", url: `/api/volunteer-signups/${first.id}/confirm` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().confirmedAt).not.toBeNull();
    expect((await t.as(me, { method: "POST", url: `/api/volunteer-signups/${first.id}/confirm` })).json().error.id).toBe(
      "volunteer.signup_transition",
    );
    expect((await t.as(await t.login(members[1]), { method: "POST", url: `/api/volunteer-signups/${first.id}/confirm` })).statusCode).toBe(
      404,
    );
    const after = await detail(occ);
    expect(after.unconfirmed).toBe(1);
    expect((after.signups as Signup[]).find((s) => s.id === first.id)?.confirmationAskedAt).not.toBeNull();
  });

  it("takes the paper roster after the activity with its photo: times entered by the organiser, hours by the usual rules", async () => {
    const date = addDays(stationDate(t.clock.now()), 1);
    const occ = await once(date, 3);
    const signed = await signUp(members[0], occ);
    await jump(stationInstant(date, "11:00"));
    const upload = await t.as(staff, { method: "POST", url: "/api/files", ...multipart(PNG) });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id;
    const roster = (entries: object[], file = fileId) =>
      t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ}/paper-roster`, payload: { fileId: file, entries } });
    const entries = [
      { volunteerId: volunteerIds.get(members[0]), checkedIn: "09:55", checkedOut: "12:00" },
      { volunteerId: volunteerIds.get(members[1]), checkedIn: "10:30", checkedOut: "11:30" }, // 60 of 120 minutes: none
      { volunteerId: volunteerIds.get(members[2]), checkedIn: "10:10", checkedOut: "11:50" },
    ];
    expect((await roster(entries)).json().error.id).toBe("volunteer.not_ended");
    await jump(stationInstant(date, "12:30"));
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom("volunteer_signups")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("occurrence_id", "=", occ)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = await count();
    const refusals: [object[], string, string][] = [
      [
        [{ volunteerId: volunteerIds.get(barber), checkedIn: "10:00", checkedOut: "11:00" }],
        "entries.0.volunteerId",
        "volunteer.not_member",
      ],
      [[{ volunteerId: volunteerIds.get(members[0]), checkedIn: "11:00", checkedOut: "10:00" }], "entries.0.checkedOut", "request.invalid"],
      [[{ ...entries[0] }, { ...entries[0] }], "entries.1.volunteerId", "request.invalid"],
    ];
    for (const [payload, field, id] of refusals) {
      const res = await roster(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.id).toBe(id);
      expect(fieldsNamed(res)).toContain(field);
    }
    const noFile = await roster(entries, "00000000-0000-4000-8000-000000000000");
    expect(noFile.json()).toMatchObject({ error: { id: "file.not_found", fields: [{ field: "fileId" }] } });
    expect(await count()).toBe(rows);

    const res = await roster(entries);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.roster).toMatchObject({ fileId, enteredBy: "工作人员 王丽娟" });
    const by = new Map((body.signups as Signup[]).map((s) => [s.volunteerId, s]));
    expect(by.get(volunteerIds.get(members[0]) as number)).toMatchObject({
      id: signed.id,
      status: "attended",
      minutes: 120,
      source: "self",
    });
    expect(by.get(volunteerIds.get(members[1]) as number)).toMatchObject({ status: "attended", minutes: 0, source: "paper" });
    expect(by.get(volunteerIds.get(members[2]) as number)).toMatchObject({ minutes: 100, source: "paper", enteredBy: "工作人员 王丽娟" });
    // The photo is the occurrence's now: its viewers see it.
    expect((await t.as(await t.login("zhanzhang"), { method: "GET", url: body.roster.fileUrl })).statusCode).toBe(200);
    // Once certified, the roster is closed: corrections take over.
    expect((await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ}/certify` })).statusCode).toBe(200);
    const upload2 = await t.as(staff, { method: "POST", url: "/api/files", ...multipart(PNG) });
    expect((await roster(entries, upload2.json().id)).json().error.id).toBe("volunteer.already_certified");
  });
});
