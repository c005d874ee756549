import type { z } from "zod";
import type {
  checkInCodeSchema,
  membershipSchema,
  myActivitySchema,
  myVolunteeringSchema,
  objectionSchema,
  occurrenceDetailSchema,
  seriesSchema,
} from "../../../../contracts/volunteers.ts";

export type {
  MyRecords,
  MyTeam,
  Occurrence,
  Served,
  Signup,
  Team,
  Volunteer,
} from "../../../../contracts/volunteers.ts";
export type Membership = z.infer<typeof membershipSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type OccurrenceDetail = z.infer<typeof occurrenceDetailSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type CheckInCode = z.infer<typeof checkInCodeSchema>;
export type MyVolunteering = z.infer<typeof myVolunteeringSchema>;
export type MyActivity = z.infer<typeof myActivitySchema>;
