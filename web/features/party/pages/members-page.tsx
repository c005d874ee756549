import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Member, memberRoles, memberStatuses } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { type MemberListQuery, useMembers } from "../api/list-members.ts";
import { BranchSelect } from "../components/branch-select.tsx";
import { MemberFormDrawer } from "../components/member-form-drawer.tsx";
import { MemberStatusTag } from "../components/stage-tag.tsx";
import { TransferModal } from "../components/transfer-modal.tsx";
import { VolunteerHoursModal } from "../components/volunteer-hours-modal.tsx";

export default function MembersPage() {
  const { t } = useTranslation("party");
  const can = useCan();
  const list = useListParams(["branchId", "status", "role"]);
  const [editing, setEditing] = useState<Member | null | undefined>(undefined);
  const [transferring, setTransferring] = useState<Member | null>(null);
  const [showingHours, setShowingHours] = useState<Member | null>(null);
  const branchId = list.idOf("branchId");
  const query: MemberListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    branchId,
    status: list.filters.status as MemberListQuery["status"],
    role: list.filters.role as MemberListQuery["role"],
  };
  const members = useMembers(query);
  const manage = can("party.manage");

  const actions = useActionsColumn<Member>(
    (r) => (
      <>
        <RowAction onClick={() => setShowingHours(r)} data-testid="member-volunteer-hours-open">
          {t("members.volunteerHoursAction")}
        </RowAction>
        {!manage ? null : r.status === "transferred_out" ? (
          <Typography.Text type="secondary">{formatDate(r.transferredOutOn)}</Typography.Text>
        ) : (
          <>
            <RowAction onClick={() => setEditing(r)}>{t("common:action.edit")}</RowAction>
            <RowAction danger onClick={() => setTransferring(r)}>
              {t("members.transfer")}
            </RowAction>
          </>
        )}
      </>
    ),
    { width: manage ? 220 : 110 },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("members.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/party/members" query={query} name="party-members" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="member-create">
            {t("members.create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q, branchId }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("members.search"),
            input: <Input allowClear style={{ width: 220 }} placeholder={t("members.search")} data-testid="member-search" />,
          },
          { name: "branchId", label: t("branch"), input: <BranchSelect allowClear style={{ width: 200 }} /> },
          selectField(
            "status",
            t("field.status"),
            memberStatuses.map((s) => ({ value: s, label: t(`memberStatus.${s}`) })),
            { width: 130 },
          ),
          selectField(
            "role",
            t("field.role"),
            memberRoles.map((r) => ({ value: r, label: t(`role.${r}`) })),
            { width: 130 },
          ),
        ]}
      />
      {members.isError && <Alert type="error" showIcon title={errorMessage(members.error)} style={{ marginBottom: 16 }} />}
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("members.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, members.data)}
        columns={[
          { title: t("field.name"), dataIndex: "name", width: 110, fixed: "left" },
          { title: t("field.gender"), dataIndex: "gender", width: 70, render: (g: Member["gender"]) => t(`gender.${g}`) },
          { title: t("branch"), dataIndex: "branchName", width: 200, ellipsis: true },
          { title: t("field.role"), dataIndex: "role", width: 100, render: (r: Member["role"]) => t(`role.${r}`) },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 110,
            render: (s: Member["status"]) => <MemberStatusTag status={s} />,
          },
          { title: t("field.joinedOn"), dataIndex: "joinedOn", width: 120, render: formatDate },
          { title: t("field.sourceUnit"), dataIndex: "sourceUnit", width: 180, ellipsis: true, render: (v: string | null) => v ?? "—" },
          { title: t("field.partyGroup"), dataIndex: "partyGroup", width: 110, render: (v: string | null) => v ?? "—" },
          {
            title: t("field.merchant"),
            dataIndex: "merchantName",
            width: 160,
            ellipsis: true,
            render: (v: string | null, r) => v ?? (r.transferredTo ? `→ ${r.transferredTo}` : "—"),
          },
          ...actions,
        ]}
      />
      <MemberFormDrawer open={editing !== undefined} member={editing ?? null} onClose={() => setEditing(undefined)} />
      <TransferModal member={transferring} onClose={() => setTransferring(null)} />
      <VolunteerHoursModal member={showingHours} onClose={() => setShowingHours(null)} />
    </Card>
  );
}
