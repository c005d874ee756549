import { useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import type { Notification } from "../../../../contracts/notifications.ts";
import { api } from "../../../app/api-client.ts";

export function listNotifications(query: { page: number; pageSize: number; unread?: "true" | "false" }): Promise<Page<Notification>> {
  return api.get("/api/notifications", { ...query });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: "true" | "false" }, enabled = true) {
  return useQuery({ queryKey: ["notifications", "list", query], queryFn: () => listNotifications(query), enabled });
}
