import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatDateTime } from "../../../app/format.ts";
import { useNotifications } from "../api/list-notifications.ts";
import { useMarkNotificationRead } from "../api/mark-read.ts";
import { useMarkAllNotificationsRead } from "../api/read-all.ts";
import { useUnreadCount } from "../api/unread-count.ts";

/** The header bell: unread count (polled), the latest messages, mark one or all read. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications({ page: 1, pageSize: 10 }, open);
  const markRead = useMarkNotificationRead();
  const readAll = useMarkAllNotificationsRead();
  const count = unread.data?.unread ?? 0;

  const content = (
    <div style={{ width: 360 }}>
      <div style={{ display: "flex", alignItems: "center", marginBottom: 8 }}>
        <Typography.Text strong>{t("title")}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button size="small" type="link" disabled={count === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
          {t("readAll")}
        </Button>
      </div>
      {list.isPending ? (
        <div style={{ padding: 24, textAlign: "center" }}>
          <Spin />
        </div>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("empty")} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: "auto" }}
          dataSource={list.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? "pointer" : "default", background: n.readAt ? undefined : "#fff7e6", paddingInline: 8 }}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                if (n.link && !n.link.startsWith("/m/")) {
                  setOpen(false);
                  navigate(n.link);
                }
              }}
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate(n.id);
                        }}
                      >
                        {t("markRead")}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={<span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>}
                description={
                  <>
                    <div>{n.body}</div>
                    <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>{formatDateTime(n.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <button
        type="button"
        // The name includes the count the badge shows.
        aria-label={count > 0 ? `${t("title")} ${count > 99 ? "99+" : count}` : t("title")}
        data-testid="notification-bell"
        style={{ background: "transparent", border: 0, cursor: "pointer", display: "flex", alignItems: "center", padding: 4 }}
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ color: "#fff", fontSize: 18 }} />
        </Badge>
      </button>
    </Popover>
  );
}
