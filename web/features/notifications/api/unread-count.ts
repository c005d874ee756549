import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function getUnreadCount(): Promise<{ unread: number }> {
  return api.get("/api/notifications/unread-count");
}

/** Polled every 30 s while the page is open. */
export function useUnreadCount() {
  return useQuery({ queryKey: ["notifications", "unread"], queryFn: getUnreadCount, refetchInterval: 30_000 });
}
