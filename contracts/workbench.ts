// The workbench (工作台): what waits for the signed-in account on its console home. Each figure is counted from
// records at the server's clock and carries the console list (its filter in the address) that holds those records.
import { z } from "zod";
import { branchMeetingKindSchema } from "./party.ts";
import { problemStatusSchema } from "./problems.ts";

export const workbenchFigureKeys = [
  // A station's staff.
  "newProblems",
  "overdueProblems",
  "queueToday",
  "bookingsToday",
  "mealsUndelivered",
  "overdueLoans",
  // A branch secretary.
  "developmentOverdue",
  "developmentDueSoon",
  "meetingsDue",
  // An alliance unit or department.
  "assignedProblems",
  "unitOverdueProblems",
  "dutyDays",
  // The stations side by side.
  "merchants",
  "problemsThisMonth",
  "requestsThisMonth",
] as const;
export const workbenchFigureKeySchema = z.enum(workbenchFigureKeys);
export type WorkbenchFigureKey = (typeof workbenchFigureKeys)[number];

export const workbenchFigureSchema = z.object({
  key: workbenchFigureKeySchema,
  value: z.number().int(),
  /** The console page (path and query) listing the records this figure counts. */
  link: z.string(),
});
export type WorkbenchFigure = z.infer<typeof workbenchFigureSchema>;

export const workbenchQuery = z.object({ stationId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const workbenchSchema = z.object({
  /** The instant the figures were counted at, and that instant's station date. */
  computedAt: z.string(),
  date: z.string(),
  /** Today's work at the station(s): problems, the counter, meals, loans (station staff and admins). */
  station: z.array(workbenchFigureSchema).nullable(),
  /** Member development and branch life (branch secretaries). */
  party: z
    .object({
      figures: z.array(workbenchFigureSchema),
      /** Required meetings (三会一课) whose period ends this month and that no held meeting covers yet. */
      meetingsDue: z.array(
        z.object({
          branchId: z.number().int(),
          branchName: z.string(),
          kind: branchMeetingKindSchema,
          dueBy: z.string(),
          scheduledOn: z.string().nullable(),
          link: z.string(),
        }),
      ),
    })
    .nullable(),
  /** Problems assigned to the account's unit, soonest due first, and its next duty days. */
  unit: z
    .object({
      unitName: z.string().nullable(),
      figures: z.array(workbenchFigureSchema),
      problems: z.array(
        z.object({
          id: z.number().int(),
          code: z.string(),
          title: z.string(),
          status: problemStatusSchema,
          dueAt: z.string().nullable(),
          overdue: z.boolean(),
          link: z.string(),
        }),
      ),
      dutyDays: z.array(
        z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), booked: z.number().int(), capacity: z.number().int() }),
      ),
      dutyLink: z.string(),
    })
    .nullable(),
  /** The stations in reach side by side (district officers, the platform admin). */
  stations: z.array(z.object({ stationId: z.number().int(), name: z.string(), figures: z.array(workbenchFigureSchema) })).nullable(),
});
export type Workbench = z.infer<typeof workbenchSchema>;
