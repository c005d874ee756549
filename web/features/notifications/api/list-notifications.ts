import { useQuery } from "@tanstack/react-query";
import type { Notification } from "../../../../contracts/notifications.ts";
import { api } from "../../../app/api-client.ts";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function listNotifications(query: { page: number; pageSize: number; unread?: "true" | "false" }): Promise<Page<Notification>> {
  return api.get("/api/notifications", { ...query });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: "true" | "false" }, enabled = true) {
  return useQuery({ queryKey: ["notifications", "list", query], queryFn: () => listNotifications(query), enabled });
}
