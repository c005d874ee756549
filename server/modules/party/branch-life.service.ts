// Branch life (三会一课): meetings scheduled and held with minutes, photos and attendance, members checking in
// by the meeting's rotating QR code, and a year's attendance with the required meetings that are missing.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, monthRange, shiftMonth, stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import type {
  attendanceReportSchema,
  BranchMeetingKind,
  branchMeetingCreateSchema,
  branchMeetingHoldSchema,
  branchMeetingSchema,
} from "../../../contracts/party.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { CHECKIN_TTL_MS, checkToken, parseCheckInToken, qrSvg, signCheckInToken } from "../../platform/checkin.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentAttendance, presentMeeting } from "./party.presenter.ts";
import type { BranchRow, Db, MeetingRow, PartyRepository } from "./party.repository.ts";
import type { BranchScope } from "./party.scope.ts";

type BranchMeeting = z.infer<typeof branchMeetingSchema>;
type AttendanceReport = z.infer<typeof attendanceReportSchema>;

/** 《中国共产党支部工作条例（试行）》第十九条: how often each meeting is required. */
const requiredMeetings: { kind: BranchMeetingKind; every: "month" | "quarter"; rule: string }[] = [
  { kind: "member_meeting", every: "quarter", rule: "《中国共产党支部工作条例（试行）》第十九条：党员大会一般每季度召开1次" },
  { kind: "committee_meeting", every: "month", rule: "《中国共产党支部工作条例（试行）》第十九条：支部委员会会议一般每月召开1次" },
  { kind: "group_meeting", every: "month", rule: "《中国共产党支部工作条例（试行）》第十九条：党小组会一般每月召开1次" },
  { kind: "party_lecture", every: "quarter", rule: "《中国共产党支部工作条例（试行）》第十九条：党课一般每季度至少1次" },
];

/** The meetings' names in both languages (a reminder's words). */
const meetingNames: Record<BranchMeetingKind, { "zh-CN": string; en: string }> = {
  member_meeting: { "zh-CN": "支部党员大会", en: "members' meeting" },
  committee_meeting: { "zh-CN": "支部委员会会议", en: "committee meeting" },
  group_meeting: { "zh-CN": "党小组会", en: "Party group meeting" },
  party_lecture: { "zh-CN": "党课", en: "Party lecture" },
  theme_day: { "zh-CN": "主题党日", en: "theme day" },
};

/** Reminders start this many days before a period ends. */
export const MEETING_REMINDER_DAYS = 7;

/**
 * The current period of each required meeting as of `today` (the month, or the quarter), when it ends within
 * MEETING_REMINDER_DAYS: its first and last day and its name (2026-11, 2026-Q4).
 */
export function endingPeriods(today: string) {
  const month = today.slice(0, 7);
  const quarter = Math.floor((Number(month.slice(5)) - 1) / 3);
  const out: { kind: BranchMeetingKind; rule: string; from: string; to: string; period: string }[] = [];
  for (const req of requiredMeetings) {
    const monthly = req.every === "month";
    const first = monthly ? month : shiftMonth(`${month.slice(0, 4)}-01`, quarter * 3);
    const from = monthRange(first).from;
    const to = monthRange(shiftMonth(first, monthly ? 0 : 2)).to;
    if (addDays(today, MEETING_REMINDER_DAYS) < to) continue;
    out.push({ kind: req.kind, rule: req.rule, from, to, period: monthly ? first : `${month.slice(0, 4)}-Q${quarter + 1}` });
  }
  return out;
}

/** The required meetings of a year missing in periods that ended before `today` and after the branch started. */
function missingMeetings(year: number, meetings: MeetingRow[], started: string, today: string): AttendanceReport["missing"] {
  const missing: AttendanceReport["missing"] = [];
  for (const req of requiredMeetings) {
    const months = req.every === "month" ? 1 : 3;
    for (let p = 0; p < 12 / months; p++) {
      const firstMonth = shiftMonth(`${year}-01`, p * months);
      const from = monthRange(firstMonth).from;
      const to = monthRange(shiftMonth(firstMonth, months - 1)).to;
      if (to >= today || to < started) continue;
      if (meetings.some((m) => m.kind === req.kind && m.held_on >= from && m.held_on <= to)) continue;
      missing.push({ kind: req.kind, period: req.every === "month" ? firstMonth : `${year}-Q${p + 1}`, rule: req.rule });
    }
  }
  return missing;
}

export class BranchLifeService {
  private readonly db: Kysely<DB>;
  private readonly repo: PartyRepository;
  private readonly scope: BranchScope;
  private readonly files: FilesService;
  private readonly clock: Clock;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, repo: PartyRepository, scope: BranchScope, files: FilesService, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.notifier = notifier;
    this.repo = repo;
    this.scope = scope;
    this.files = files;
    this.clock = clock;
    files.allowReaders("branch_meeting", async (user, id) => {
      const m = await this.repo.meetingById(id);
      return !!m && (await this.scope.reaches(user, m.branch_id));
    });
  }

  private async presentMeetings(rows: MeetingRow[]): Promise<BranchMeeting[]> {
    const attendance = await this.repo.attendanceOf(rows.map((r) => r.id));
    const out: BranchMeeting[] = [];
    for (const r of rows) out.push(presentMeeting(r, attendance, await this.files.attachedTo(`branch_meeting:${r.id}`)));
    return out;
  }

  async list(
    user: SessionUser,
    query: { branchId?: number; kind?: BranchMeetingKind; from?: string; to?: string; page: number; pageSize: number },
  ) {
    const branchIds = await this.scope.visibleBranchIds(user, query.branchId);
    const { rows, total, totalCapped } = await this.repo.listMeetings(
      { branchIds, kind: query.kind, from: query.from, to: query.to },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return pageAnswer(await this.presentMeetings(rows), { total, totalCapped }, query);
  }

  private async meetingInReach(user: SessionUser, id: number, db?: Db) {
    const m = await this.repo.meetingById(id, db);
    if (!m || !(await this.scope.reaches(user, m.branch_id, db))) throw notFound();
    return m;
  }

  async get(user: SessionUser, id: number) {
    const [m] = await this.presentMeetings([await this.meetingInReach(user, id)]);
    return m;
  }

  async create(user: SessionUser, input: z.output<typeof branchMeetingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.scope.branchInReach(user, input.branchId, trx);
      const stamp = now.toISOString();
      const newId = await this.repo.insertMeeting(trx, {
        branch_id: input.branchId,
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        status: "scheduled",
        minutes: null,
        checkin_secret: randomBytes(24).toString("base64url"),
        created_at: stamp,
        updated_at: stamp,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "party.meeting_scheduled",
        objectType: "branch_meeting",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { kind: input.kind, title: input.title, heldOn: input.heldOn },
      });
      return newId;
    });
    return this.get(user, id);
  }

  async hold(user: SessionUser, id: number, input: z.output<typeof branchMeetingHoldSchema>, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const m = await this.meetingInReach(user, id, trx);
      if (m.status === "held") throw fail("party.meeting_held", [{ field: "status" }]);
      const members = new Set((await this.repo.membersOf([m.branch_id], trx)).map((r) => r.id));
      const attendees = [...new Set(input.memberIds)];
      if (attendees.some((a) => !members.has(a))) throw fail("party.not_member", [{ field: "memberIds" }]);
      // Those who scanned the QR code are recorded already; the secretary's list adds the others.
      const scanned = await this.repo.presentAt(trx, id);
      const stamp = now.toISOString();
      if (!(await this.repo.updateMeeting(trx, id, input.version, { status: "held", minutes: input.minutes, updated_at: stamp }))) {
        throw conflict();
      }
      await this.files.attach(trx, input.photoIds, user.id, `branch_meeting:${id}`);
      await this.repo.insertAttendance(
        trx,
        attendees
          .filter((memberId) => !scanned.has(memberId))
          .map((memberId) => ({ meeting_id: id, member_id: memberId, method: "staff" as const, at: stamp })),
      );
      await appendAudit(trx, actor, {
        at: now,
        action: "party.meeting_held",
        objectType: "branch_meeting",
        objectId: id,
        after: { attendees: attendees.length, photos: input.photoIds.length },
      });
    });
    return this.get(user, id);
  }

  /** The rotating QR code shown at a branch meeting; a member's phone opens /m/checkin?kind=branch&token=…. */
  async checkInCode(user: SessionUser, id: number, origin: string) {
    const now = this.clock.now();
    const m = await this.meetingInReach(user, id);
    if (m.held_on !== stationDate(now)) throw fail("meeting.checkin_closed", [{ field: "heldOn" }]);
    const expiresAt = new Date(now.getTime() + CHECKIN_TTL_MS);
    const token = signCheckInToken(m.checkin_secret, m.id, expiresAt);
    const url = `${origin}/m/checkin?kind=branch&token=${encodeURIComponent(token)}`;
    return { token, url, expiresAt: expiresAt.toISOString(), qrSvg: await qrSvg(url) };
  }

  /** A member scans the code on the meeting's day: recorded once; a repeated scan answers with `created: false`. */
  async checkIn(user: SessionUser, token: string, actor: Actor) {
    const now = this.clock.now();
    const parsed = parseCheckInToken(token);
    const meeting = parsed ? await this.repo.meetingById(parsed.meetingId) : undefined;
    const check = checkToken(parsed, meeting?.checkin_secret ?? null, now);
    if (!check.ok || !meeting) throw fail(check.ok ? "meeting.checkin_invalid" : check.refusal, [{ field: "token" }]);
    if (meeting.held_on !== stationDate(now)) throw fail("meeting.checkin_closed", [{ field: "token" }]);
    const member = await this.repo.memberOfAccount(user);
    if (!member || member.branch_id !== meeting.branch_id) throw fail("party.not_member", [{ field: "token" }]);
    const created = await this.db.transaction().execute(async (trx) => {
      const inserted = await this.repo.insertAttendanceOnce(trx, {
        meeting_id: meeting.id,
        member_id: member.id,
        method: "qr",
        at: now.toISOString(),
      });
      if (inserted) {
        await appendAudit(trx, actor, {
          at: now,
          action: "party.meeting_checked_in",
          objectType: "branch_meeting",
          objectId: meeting.id,
          after: { memberId: member.id },
        });
      }
      return inserted;
    });
    return { meetingId: meeting.id, meetingTitle: meeting.title, memberName: member.name, created };
  }

  /**
   * The required meetings (第十九条) whose period ends this month and that no held meeting covers yet, per branch
   * in reach: monthly ones every month, quarterly ones in the quarter's last month. A meeting scheduled in the
   * period is named beside it.
   */
  async dueThisMonth(
    user: SessionUser,
  ): Promise<{ branchId: number; branchName: string; kind: BranchMeetingKind; from: string; dueBy: string; scheduledOn: string | null }[]> {
    const today = stationDate(this.clock.now());
    const month = today.slice(0, 7);
    const monthIndex = Number(month.slice(5, 7)) - 1;
    const out: Awaited<ReturnType<BranchLifeService["dueThisMonth"]>> = [];
    for (const branch of await this.scope.visibleBranches(user)) {
      const meetings = await this.repo.meetingsOfYear(branch.id, Number(month.slice(0, 4)));
      for (const req of requiredMeetings) {
        if (req.every === "quarter" && monthIndex % 3 !== 2) continue;
        const from = monthRange(req.every === "month" ? month : shiftMonth(month, -2)).from;
        const dueBy = monthRange(month).to;
        const inPeriod = meetings.filter((m) => m.kind === req.kind && m.held_on >= from && m.held_on <= dueBy);
        if (inPeriod.some((m) => m.status === "held")) continue;
        out.push({ branchId: branch.id, branchName: branch.name, kind: req.kind, from, dueBy, scheduledOn: inPeriod[0]?.held_on ?? null });
      }
    }
    return out;
  }

  /** Attendance per member for a year, and the required meetings missing in their ended periods (支部工作条例 第十九条). */
  async attendance(user: SessionUser, branchId: number | undefined, year: number): Promise<AttendanceReport> {
    const today = stationDate(this.clock.now());
    let branch: BranchRow;
    if (branchId !== undefined) branch = await this.scope.branchInReach(user, branchId);
    else {
      const visible = await this.scope.visibleBranches(user);
      const own = visible.find((b) => b.org_unit_id === user.orgUnitId) ?? visible[0];
      if (!own) throw notFound();
      branch = own;
    }
    const meetings = (await this.repo.meetingsOfYear(branch.id, year)).filter((m) => m.status === "held");
    const attendance = await this.repo.attendanceOf(meetings.map((m) => m.id));
    const members = (await this.repo.membersOf([branch.id])).filter(
      (m) => m.joined_on <= `${year}-12-31` && (!m.transferred_out_on || m.transferred_out_on >= `${year}-01-01`),
    );
    const missing = missingMeetings(year, meetings, branch.created_at.slice(0, 10), today);
    return presentAttendance(year, members, meetings, attendance, missing);
  }

  /**
   * In the last MEETING_REMINDER_DAYS of a month or quarter, each branch's secretaries hear of a required meeting
   * neither held nor scheduled in the period (《支部工作条例》第十九条), once per branch, meeting and period.
   */
  async remindMissing(now: Date) {
    const today = stationDate(now);
    const ending = endingPeriods(today);
    if (ending.length === 0) return { branches: 0, reminded: 0 };
    const branches = (await this.repo.branchesUnder(null)).filter((b) => b.created_at.slice(0, 10) <= today);
    const from = ending.map((p) => p.from).sort()[0];
    const to = ending.map((p) => p.to).sort()[ending.length - 1];
    const meetings = await this.repo.meetingsBetween(
      branches.map((b) => b.id),
      from,
      to,
    );
    let reminded = 0;
    for (const branch of branches) {
      const missing = ending.filter(
        (p) => !meetings.some((m) => m.branch_id === branch.id && m.kind === p.kind && m.held_on >= p.from && m.held_on <= p.to),
      );
      if (missing.length === 0) continue;
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        const secretaries = await this.repo.secretariesOf(branch.id, branch.org_unit_id, trx);
        for (const p of missing) {
          const link = `/party/branch-life?branchId=${branch.id}#${p.kind}-${p.period}`;
          for (const userId of secretaries) {
            if (await this.repo.remindedSince(trx, userId, link, stationDayBounds(p.from)[0], "party.meeting_missing")) continue;
            reminded++;
            await outbox.add(trx, {
              userId,
              kind: "party.meeting_missing",
              notice: "party.meeting_missing",
              params: {
                branch: branch.name,
                period: p.period,
                kind: meetingNames[p.kind],
                end: p.to,
                rule: { "zh-CN": p.rule, en: "Regulations on the Work of Party Branches, art. 19" },
              },
              link,
            });
          }
        }
      });
      await outbox.deliver();
    }
    return { branches: branches.length, reminded };
  }

  jobs(): Job[] {
    return [{ name: "party.remind_meetings", everyMs: 6 * 3_600_000, run: (now) => this.remindMissing(now) }];
  }
}
