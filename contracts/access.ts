// Roles, the actions they may take, and the data scope they act in. The server checks every route against
// this map, and the console builds its menu from it: one source for both.
import { z } from "zod";

export const roles = [
  "platform_admin",
  "district_officer",
  "station_admin",
  "station_staff",
  "branch_secretary",
  "department_officer",
  "alliance_contact",
  "merchant",
  "resident",
  "volunteer",
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const actions = [
  "home.read",
  "org.read",
  "org.manage",
  "user.read",
  "user.manage",
  "audit.read",
  "merchant.read",
  "merchant.write",
  "merchant.import",
  "merchant.export",
  "stall.read",
  "stall.write",
  "resident.read",
  "resident.write",
  "resident.import",
  "resident.export",
  "personal.unmask",
  "unit.read",
  "unit.write",
  "unit.export",
  "self.read",
  "problem.read",
  "problem.report",
  "problem.manage",
  "problem.work",
  "category.manage",
  "need.read",
  "need.raise",
  "need.manage",
  "offer.read",
  "offer.write",
  "project.read",
  "project.manage",
  "meeting.read",
  "meeting.manage",
  "meeting.checkin",
  "action_item.work",
  "scorecard.read",
  "party.read",
  "party.manage",
  "development.read",
  "development.write",
  "caring.read",
  "caring.manage",
  "award.nominate",
  "card.hold",
  "card.redeem",
  "meal.deliver",
  "service.read",
  "service.manage",
  "service.apply",
  "service.handle",
  "duty.read",
  "duty.manage",
  "redshield.read",
  "redshield.manage",
  "redshield.book",
  "lending.read",
  "lending.manage",
  "scale.read",
  "scale.record",
  "volunteer.read",
  "volunteer.manage",
  "volunteer.join",
  "volunteer.lead",
  "interop.manage",
] as const;
export type Action = (typeof actions)[number];

/**
 * How far a role reaches:
 * - all: every station of the installation;
 * - org: the subtree of the account's org unit (a district officer their district, station users their station);
 * - unit: records assigned to the account's alliance unit or department;
 * - self: the account's own merchant, resident or volunteer record.
 */
export type Scope = "all" | "org" | "unit" | "self";

const stationWork: Action[] = [
  "home.read",
  "org.read",
  "merchant.read",
  "merchant.write",
  "merchant.import",
  "merchant.export",
  "stall.read",
  "stall.write",
  "resident.read",
  "resident.write",
  "resident.import",
  "resident.export",
  "personal.unmask",
  "unit.read",
  "unit.write",
  "unit.export",
  "self.read",
  "problem.read",
  "problem.report",
  "problem.manage",
  "problem.work",
  "need.read",
  "need.raise",
  "need.manage",
  "offer.read",
  "offer.write",
  "project.read",
  "project.manage",
  "meeting.read",
  "meeting.manage",
  "meeting.checkin",
  "action_item.work",
  "scorecard.read",
  "caring.read",
  "caring.manage",
  "award.nominate",
  "service.read",
  "service.manage",
  "service.handle",
  "duty.read",
  "duty.manage",
  "redshield.read",
  "redshield.manage",
  "lending.read",
  "lending.manage",
  "scale.read",
  "scale.record",
  "volunteer.read",
  "volunteer.manage",
  "volunteer.lead",
];

/** What the alliance's units and departments do: their assigned problems, their offers, meetings, action items. */
const unitWork: Action[] = [
  "home.read",
  "unit.read",
  "self.read",
  "problem.read",
  "problem.work",
  "need.read",
  "offer.read",
  "offer.write",
  "project.read",
  "meeting.read",
  "meeting.checkin",
  "action_item.work",
  "scorecard.read",
  // The counter: requests forwarded to the unit, its own duty days, the Red Shield post it runs.
  "service.read",
  "service.handle",
  "duty.read",
  "redshield.read",
  "redshield.manage",
];

/** What merchants, residents and volunteers do on their phones. */
const publicWork: Action[] = [
  "self.read",
  "problem.read",
  "problem.report",
  "need.raise",
  "meeting.checkin",
  "award.nominate",
  "service.read",
  "service.apply",
  "redshield.read",
  "scale.record",
  // The volunteer service: registering, joining teams and activities, checking in and out, objecting to hours;
  // a team leader (a volunteer) decides the team's join requests.
  "volunteer.join",
  "volunteer.lead",
];

export const accessMap: Record<Role, { scope: Scope; actions: readonly Action[]; console: boolean }> = {
  platform_admin: { scope: "all", actions: [...actions], console: true },
  district_officer: {
    scope: "org",
    console: true,
    actions: [
      "home.read",
      "org.read",
      "user.read",
      "audit.read",
      "merchant.read",
      "merchant.export",
      "stall.read",
      "resident.read",
      "resident.export",
      "unit.read",
      "unit.export",
      "self.read",
      "problem.read",
      "need.read",
      "offer.read",
      "project.read",
      "meeting.read",
      "scorecard.read",
      "party.read",
      "development.read",
      "caring.read",
      "service.read",
      "duty.read",
      "redshield.read",
      "lending.read",
      "scale.read",
      "volunteer.read",
    ],
  },
  station_admin: {
    scope: "org",
    console: true,
    actions: [...stationWork, "user.read", "user.manage", "audit.read", "party.read"],
  },
  station_staff: { scope: "org", console: true, actions: [...stationWork, "audit.read"] },
  branch_secretary: {
    scope: "org",
    console: true,
    actions: [
      "home.read",
      "org.read",
      "merchant.read",
      "stall.read",
      "resident.read",
      "unit.read",
      "self.read",
      "problem.read",
      "need.read",
      "offer.read",
      "project.read",
      "meeting.read",
      "meeting.checkin",
      "scorecard.read",
      "party.read",
      "party.manage",
      "development.read",
      "development.write",
      "service.read",
      "duty.read",
      "volunteer.read",
    ],
  },
  department_officer: { scope: "unit", console: true, actions: unitWork },
  alliance_contact: { scope: "unit", console: true, actions: unitWork },
  // A merchant certified as a caring shop redeems cards and, for a caring restaurant, confirms meal deliveries.
  merchant: { scope: "self", console: false, actions: [...publicWork, "card.redeem", "meal.deliver", "redshield.book"] },
  resident: { scope: "self", console: false, actions: [...publicWork, "card.hold"] },
  volunteer: { scope: "self", console: false, actions: [...publicWork, "card.hold", "meal.deliver"] },
};

export function can(role: Role, action: Action): boolean {
  return accessMap[role].actions.includes(action);
}

/** Roles a user manager may hand out: nobody creates an account more powerful than their own reach. */
export function assignableRoles(manager: Role): Role[] {
  if (manager === "platform_admin") return [...roles];
  if (manager === "station_admin") return roles.filter((r) => !["platform_admin", "district_officer", "station_admin"].includes(r));
  return [];
}
