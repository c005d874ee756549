import { z } from "zod";
import { pageQuery } from "./common.ts";

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** In-app link, e.g. /m/problems/12 or /problems/12. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = pageQuery.extend({ unread: z.enum(["true", "false"]).optional() });
export const unreadCountSchema = z.object({ unread: z.number().int() });
