import { Badge, Button, DotLoading, ErrorBlock, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../app/api-client.ts";
import { formatDateTime } from "../../app/format.ts";
import { useNotifications } from "../../features/notifications/api/list-notifications.ts";
import { useMarkNotificationRead } from "../../features/notifications/api/mark-read.ts";
import { useMarkAllNotificationsRead } from "../../features/notifications/api/read-all.ts";
import { PageShell } from "../page-shell.tsx";

export default function NotificationsPage() {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const list = useNotifications({ page: 1, pageSize: 50 });
  const markRead = useMarkNotificationRead();
  const readAll = useMarkAllNotificationsRead();
  const items = list.data?.items ?? [];

  return (
    <PageShell
      title={t("notifications.title")}
      right={
        <Button size="mini" fill="none" color="primary" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t("notifications.readAll")}
        </Button>
      }
    >
      {list.isError && <ErrorBlock status="default" title={errorMessage(list.error)} />}
      {list.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("notifications.empty")} description="" />
      ) : (
        <List mode="card">
          {items.map((n) => (
            <List.Item
              key={n.id}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                if (n.link?.startsWith("/m/")) navigate(n.link.slice(2));
              }}
              description={
                <>
                  <div>{n.body}</div>
                  <div style={{ fontSize: 12, marginTop: 2 }}>{formatDateTime(n.createdAt)}</div>
                </>
              }
              arrowIcon={n.link?.startsWith("/m/") ? undefined : false}
            >
              <Badge content={n.readAt ? null : Badge.dot} style={{ "--right": "-8px" }}>
                <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
              </Badge>
            </List.Item>
          ))}
        </List>
      )}
    </PageShell>
  );
}
