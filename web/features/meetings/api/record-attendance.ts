import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Meeting } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export interface AttendanceInput {
  userId?: number;
  name: string;
  unitId?: number;
}

/** Staff record someone present by hand (no phone, or the code would not scan). */
export function recordAttendance({ id, input }: { id: number; input: AttendanceInput }): Promise<Meeting> {
  return api.post(`/api/meetings/${id}/attendance`, input);
}

export function useRecordAttendance() {
  const client = useQueryClient();
  return useMutation({ mutationFn: recordAttendance, onSettled: () => client.invalidateQueries({ queryKey: ["meetings"] }) });
}
