// The volunteer service's figures in the dictionary (report §四): the activity days (the 16th and the 28th of every
// month) held, the teams (knife-sharpening, barbers, legal lectures, counselling…) and the hours served. Days held
// and hours count as the module's figures page counts them (volunteer-figures.service.ts, volunteer-hours.ts).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import { ACTIVITY_DAYS } from "../../../contracts/volunteer-figures.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import type { VolunteerHours } from "./volunteer-hours.ts";
import { VolunteerReportsRepository } from "./volunteer-reports.repository.ts";
import { VolunteersFiguresRepository } from "./volunteers.figures.repository.ts";
import { activityDaysOf } from "./volunteers.workflow.ts";

export function volunteersFigures(db: Kysely<DB>, hours: VolunteerHours) {
  const reports = new VolunteerReportsRepository(db);
  const repo = new VolunteersFiguresRepository(db);
  return [
    defineFigure({
      id: "volunteers.activity_days_held",
      module: "volunteers",
      part: 4,
      name: { "zh-CN": "每月16日、28日志愿服务日", en: "Volunteer days held (the 16th and the 28th)" },
      shortName: { en: "Volunteer days held" },
      definition: {
        "zh-CN": "期间内每月16日、28日举行了志愿服务（活动已结束且有人签到）的天数",
        en: "Days of the period, the 16th and the 28th of each month, on which a volunteer activity was held (ended, with somebody checked in)",
      },
      unit: "count",
      unitLabel: { "zh-CN": "天", en: "days" },
      aggregate: "count",
      records: async (q) => {
        const occurrences = await reports.occurrencesOnDays(q.stationIds, ACTIVITY_DAYS, q.from, q.to);
        const out = [];
        for (const stationId of q.stationIds) {
          const mine = occurrences.filter((o) => o.station_id === stationId);
          const days = activityDaysOf(
            mine.map((o) => ({ id: o.id, date: o.date, status: o.status, endsAt: o.ends_at, attended: o.attended })),
            ACTIVITY_DAYS,
            q.from,
            q.to,
            stationDate(q.now),
            q.now,
          );
          for (const m of days.months)
            for (const d of m.days.filter((x) => x.held)) {
              const first = mine.find((o) => o.id === d.occurrenceIds[0]);
              out.push({
                ref: `occurrence:${d.occurrenceIds[0]}`,
                stationId,
                date: d.date,
                label: `${d.date} ${first?.title ?? ""}`.trim(),
                link: `/volunteer-activities/${d.occurrenceIds[0]}`,
              });
            }
        }
        return out;
      },
    }),
    defineFigure({
      id: "volunteers.teams",
      module: "volunteers",
      part: 4,
      name: { "zh-CN": "志愿服务队", en: "Volunteer teams" },
      definition: { "zh-CN": "期末已组建的志愿服务队数", en: "Volunteer teams set up by the end of the period" },
      unit: "count",
      unitLabel: { "zh-CN": "支", en: "teams" },
      aggregate: "count",
      period: "snapshot",
      records: async (q) =>
        (await repo.teams(q.stationIds, q.toIso)).map((t) => ({
          ref: `volunteer_team:${t.id}`,
          stationId: t.station_id,
          date: stationDate(t.created_at),
          label: t.name,
          link: "/volunteer-teams",
        })),
    }),
    defineFigure({
      id: "volunteers.hours",
      module: "volunteers",
      part: 4,
      name: { "zh-CN": "志愿服务时长", en: "Volunteer hours" },
      definition: {
        "zh-CN": "期间内认定的志愿服务时长合计（已认定的签到记录及志愿者确认的爱心送餐）",
        en: "Volunteer time certified in the period (final sign-ups and the meal deliveries volunteers confirmed)",
      },
      unit: "minutes",
      aggregate: "sum",
      personal: true,
      records: async (q) => {
        const set = await hours.countedSet({ stationIds: q.stationIds, from: q.from, to: q.to }, q.now);
        return set.rows.map((r) => ({
          ref: r.ref.split(",")[0],
          stationId: r.stationId,
          date: r.date,
          label: `${set.volunteers.get(r.volunteerId)?.name ?? ""} · ${r.teamId === null ? "" : (set.teams.get(r.teamId)?.name ?? "")}`,
          amount: r.minutes,
          key: r.teamId === null ? "meal" : String(r.teamId),
          link: r.occurrenceId === null ? "/caring/meals" : `/volunteer-activities/${r.occurrenceId}`,
        }));
      },
    }),
  ];
}
