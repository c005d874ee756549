import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { roles } from "../../../../contracts/access.ts";
import { type User, userStatuses } from "../../../../contracts/users.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
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

  const actions = useActionsColumn<User>(
    (u) => (
      <>
        <RowAction onClick={() => setOpen({ user: u })}>{t("common:action.edit")}</RowAction>
        <RowAction onClick={() => setResetting(u)}>{t("resetPassword")}</RowAction>
        <RowAction danger={u.status === "active"} disabled={u.id === me.id} onClick={() => toggle(u)}>
          {u.status === "active" ? t("common:action.disable") : t("common:action.enable")}
        </RowAction>
      </>
    ),
    { width: 250, show: manage },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/users" query={filters} name="users" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ user: null })}>
            {t("create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="user-search" />,
          },
          selectField(
            "role",
            t("field.role"),
            roles.map((r) => ({ value: r, label: t(`common:enum.role.${r}`) })),
            { width: 160 },
          ),
          selectField(
            "status",
            t("field.status"),
            userStatuses.map((s) => ({ value: s, label: t(`common:enum.userStatus.${s}`) })),
            { width: 110 },
          ),
        ]}
      />
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
          ...actions,
        ]}
      />
      <UserFormDrawer open={open !== null} user={open?.user ?? null} onClose={() => setOpen(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
