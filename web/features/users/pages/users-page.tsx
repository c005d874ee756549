import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { roles } from "../../../../contracts/access.ts";
import { type User, userStatuses } from "../../../../contracts/users.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { type UserListQuery, useUsers } from "../api/list-users.ts";
import { useUpdateUser } from "../api/update-user.ts";
import { ResetPasswordModal } from "../components/reset-password-modal.tsx";
import { UserFormDrawer } from "../components/user-form-drawer.tsx";

export default function UsersPage() {
  const { t } = useTranslation("users");
  const { message, modal } = App.useApp();
  const can = useCan();
  const me = useMe();
  const manage = can("user.manage");
  const list = useListParams(["role", "status"]);
  const [search, setSearch] = useState(list.q);
  const [open, setOpen] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const update = useUpdateUser();

  const filters: Omit<UserListQuery, "page" | "pageSize"> = {
    q: list.q || undefined,
    role: list.filters.role as UserListQuery["role"],
    status: list.filters.status as UserListQuery["status"],
    sort: list.sort as UserListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useUsers({ ...filters, page: list.page, pageSize: list.pageSize });

  const toggle = (user: User) => {
    const next = user.status === "active" ? "disabled" : "active";
    modal.confirm({
      title: next === "disabled" ? t("disableConfirm", { name: user.displayName }) : t("enableConfirm", { name: user.displayName }),
      content: next === "disabled" ? t("disableHint") : undefined,
      okButtonProps: { danger: next === "disabled" },
      onOk: async () => {
        try {
          await update.mutateAsync({ id: user.id, input: { status: next, version: user.version } });
          message.success(t("common:saved"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => list.update({ q: value.trim() })}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("field.role")}
          value={filters.role}
          onChange={(value) => list.update({ role: value })}
          options={roles.map((r) => ({ value: r, label: t(`common:enum.role.${r}`) }))}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t("field.status")}
          value={filters.status}
          onChange={(value) => list.update({ status: value })}
          options={userStatuses.map((s) => ({ value: s, label: t(`common:enum.userStatus.${s}`) }))}
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/users" query={filters} name="users" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ user: null })}>
            {t("create")}
          </Button>
        )}
      </div>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 1400 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
          {
            title: t("field.username"),
            key: "username",
            dataIndex: "username",
            width: 140,
            sorter: true,
            sortOrder: list.sortOrderOf("username"),
          },
          {
            title: t("field.displayName"),
            key: "displayName",
            dataIndex: "displayName",
            width: 120,
            sorter: true,
            sortOrder: list.sortOrderOf("displayName"),
          },
          { title: t("field.role"), dataIndex: "role", width: 140, render: (r: string) => t(`common:enum.role.${r}`) },
          { title: t("field.orgUnit"), dataIndex: "orgUnitName", width: 180, ellipsis: true },
          {
            title: t("field.link"),
            key: "link",
            width: 180,
            ellipsis: true,
            render: (_: unknown, u) => u.allianceUnitName ?? u.merchantName ?? u.residentName ?? "—",
          },
          { title: t("field.mobile"), dataIndex: "mobile", width: 130, render: dash },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 80,
            render: (s: User["status"]) => <Tag color={s === "active" ? "success" : "default"}>{t(`common:enum.userStatus.${s}`)}</Tag>,
          },
          {
            title: t("field.lastLoginAt"),
            key: "lastLoginAt",
            dataIndex: "lastLoginAt",
            width: 150,
            sorter: true,
            sortOrder: list.sortOrderOf("lastLoginAt"),
            render: formatDateTime,
          },
          ...(manage
            ? [
                {
                  title: t("common:actions"),
                  key: "actions",
                  width: 200,
                  fixed: "right" as const,
                  render: (_: unknown, u: User) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setOpen({ user: u })}>
                        {t("common:action.edit")}
                      </Button>
                      <Button type="link" size="small" onClick={() => setResetting(u)}>
                        {t("resetPassword")}
                      </Button>
                      <Button type="link" size="small" danger={u.status === "active"} disabled={u.id === me.id} onClick={() => toggle(u)}>
                        {u.status === "active" ? t("common:action.disable") : t("common:action.enable")}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <UserFormDrawer open={open !== null} user={open?.user ?? null} onClose={() => setOpen(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
