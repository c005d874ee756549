// What the people around a problem are told at each step: the reporter, the assigned unit, the station's staff.
// Written to the caller's outbox inside the step's transaction, delivered after it commits, each in its
// recipient's language (texts in contracts/notices.ts).
import type { Transaction } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import { type NoticeId, sentence } from "../../../contracts/notices.ts";
import type { DB } from "../../db/tables.ts";
import { type Outbox, staffOfStation, usersOfUnit } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { ProblemRow } from "./problems.repository.ts";
import type { ProblemActionName } from "./problems.workflow.ts";

/** The reporter's text for each step (submission is told by the service that creates the problem). */
const reporterNotices: Partial<Record<ProblemActionName, NoticeId>> = {
  accept: "problem.accepted",
  reject: "problem.rejected",
  assign: "problem.assigned",
  start: "problem.started",
  note: "problem.progress",
  resolve: "problem.resolved",
  confirm: "problem.confirmed_for_reporter",
  reopen: "problem.reopened_for_reporter",
};

/** What a step carries into its notices. */
export interface StepNotice {
  action: ProblemActionName;
  rating?: number;
  note: string | null;
  unitId: number | null;
  unitName: string | null;
  dueAt: string | null;
}

/** Tells the reporter about the step, the unit about an assignment, and unit and staff about a reopen or confirm. */
export async function notifyStep(trx: Transaction<DB>, outbox: Outbox, row: ProblemRow, step: StepNotice, user: SessionUser) {
  const params = {
    title: row.title,
    code: row.code,
    station: row.station_name,
    unit: step.unitName ?? row.unit_name ?? "",
    due: step.dueAt ? stationDate(step.dueAt) : "",
    note: sentence(step.note),
    reason: sentence(step.note),
    rating: step.rating ?? "",
  };
  const notice = reporterNotices[step.action];
  if (notice && row.reporter_user_id !== null && row.reporter_user_id !== user.id) {
    await outbox.add(trx, { userId: row.reporter_user_id, kind: `problem.${step.action}`, notice, params, link: `/m/problems/${row.id}` });
  }
  const unitUsers = async (unitId: number | null) => (unitId ? (await usersOfUnit(trx, unitId)).filter((u) => u !== user.id) : []);
  if (step.action === "assign") {
    await outbox.addMany(trx, await unitUsers(step.unitId), {
      kind: "problem.assigned_to_unit",
      notice: "problem.assigned_to_unit",
      params,
      link: `/problems/${row.id}`,
    });
  }
  if (step.action === "reopen" || step.action === "confirm") {
    const recipients = [...(await unitUsers(row.unit_id)), ...(await staffOfStation(trx, row.station_id))].filter((u) => u !== user.id);
    await outbox.addMany(trx, recipients, {
      kind: `problem.${step.action}`,
      notice: step.action === "confirm" ? "problem.confirmed" : "problem.reopened",
      params,
      link: `/problems/${row.id}`,
    });
  }
}
