import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { AttendanceReport } from "./types.ts";

export function getAttendance(query: { branchId?: number; year: number }): Promise<AttendanceReport> {
  return api.get("/api/party/attendance", query);
}

export function useAttendance(query: { branchId?: number; year: number }, enabled = true) {
  return useQuery({ queryKey: ["party", "attendance", query], queryFn: () => getAttendance(query), enabled });
}
