import type { z } from "zod";
import type { checkInResultSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

/** The meeting and the caller's attendance record; `created` is false on a repeat scan. */
export type CheckInResult = z.infer<typeof checkInResultSchema>;

/** A phone user opened the code's URL: record them present. */
export function checkIn(token: string): Promise<CheckInResult> {
  return api.post("/api/meetings/checkin", { token });
}
