import type { z } from "zod";
import type {
  attendanceReportSchema,
  branchMeetingSchema,
  funnelSchema,
  pioneerPostSchema,
  stepRecordOutSchema,
} from "../../../../contracts/party.ts";

export type Funnel = z.infer<typeof funnelSchema>;
export type BranchMeeting = z.infer<typeof branchMeetingSchema>;
export type AttendanceReport = z.infer<typeof attendanceReportSchema>;
export type PioneerPost = z.infer<typeof pioneerPostSchema>;
export type StepRecordOut = z.infer<typeof stepRecordOutSchema>;
