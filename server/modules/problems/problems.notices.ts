// What the people around a problem are told at each step: the reporter, the assigned unit, the station's staff.
// Written to the caller's outbox inside the step's transaction, delivered after it commits.
import type { Transaction } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { type Outbox, staffOfStation, usersOfUnit } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { ProblemRow } from "./problems.repository.ts";
import type { ProblemActionName } from "./problems.workflow.ts";

export const problemNoticeTitles: Record<string, string> = {
  submit: "问题已受理登记",
  accept: "问题已受理",
  reject: "问题未予受理",
  assign: "问题已交办",
  start: "问题正在办理",
  note: "问题办理进展",
  resolve: "问题已办结，请评价",
  confirm: "问题已确认办结",
  reopen: "问题已重新打开",
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
  const subject = `「${row.title}」（${row.code}）`;
  const dueDate = step.dueAt ? stationDate(step.dueAt) : "";
  let body: string;
  switch (step.action) {
    case "assign":
      body = `您反映的问题${subject}已交由${step.unitName}办理，办结期限 ${dueDate}。`;
      break;
    case "reject":
      body = `您反映的问题${subject}未予受理：${step.note}`;
      break;
    case "resolve":
      body = `您反映的问题${subject}已办结：${step.note}。请确认并评价。`;
      break;
    case "note":
      body = `您反映的问题${subject}有新进展：${step.note}`;
      break;
    default:
      body = `您反映的问题${subject}：${problemNoticeTitles[step.action]}。`;
  }
  if (row.reporter_user_id !== null && row.reporter_user_id !== user.id) {
    await outbox.add(trx, {
      userId: row.reporter_user_id,
      kind: `problem.${step.action}`,
      title: problemNoticeTitles[step.action],
      body,
      link: `/m/problems/${row.id}`,
    });
  }
  const unitUsers = async (unitId: number | null) => (unitId ? (await usersOfUnit(trx, unitId)).filter((u) => u !== user.id) : []);
  if (step.action === "assign") {
    await outbox.addMany(trx, await unitUsers(step.unitId), {
      kind: "problem.assigned_to_unit",
      title: "新的交办问题",
      body: `问题${subject}已交由贵单位办理，办结期限 ${dueDate}。`,
      link: `/problems/${row.id}`,
    });
  }
  if (step.action === "reopen" || step.action === "confirm") {
    const recipients = [...(await unitUsers(row.unit_id)), ...(await staffOfStation(trx, row.station_id))].filter((u) => u !== user.id);
    await outbox.addMany(trx, recipients, {
      kind: `problem.${step.action}`,
      title: problemNoticeTitles[step.action],
      body: step.action === "confirm" ? `问题${subject}已确认办结，评分 ${step.rating} 星。` : `问题${subject}被重新打开：${step.note}`,
      link: `/problems/${row.id}`,
    });
  }
}
