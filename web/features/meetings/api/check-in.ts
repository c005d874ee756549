import { api } from "../../../app/api-client.ts";

export interface CheckInResult {
  meetingId: number;
  meetingTitle: string;
  name: string;
  checkedInAt: string;
  /** false when this person had already checked in (a repeat scan). */
  created: boolean;
}

/** A phone user opened the code's URL: record them present. */
export function checkIn(token: string): Promise<CheckInResult> {
  return api.post("/api/meetings/checkin", { token });
}
