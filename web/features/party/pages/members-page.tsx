import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Member, memberRoles, memberStatuses } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { type MemberListQuery, useMembers } from "../api/list-members.ts";
import { BranchSelect } from "../components/branch-select.tsx";
import { MemberFormDrawer } from "../components/member-form-drawer.tsx";
import { MemberStatusTag } from "../components/stage-tag.tsx";
import { TransferModal } from "../components/transfer-modal.tsx";

export default function MembersPage() {
  const { t } = useTranslation("party");
  const can = useCan();
  const list = useListParams(["branchId", "status", "role"]);
  const [editing, setEditing] = useState<Member | null | undefined>(undefined);
  const [transferring, setTransferring] = useState<Member | null>(null);
  const [search, setSearch] = useState(list.q);
  const branchId = list.filters.branchId ? Number(list.filters.branchId) : undefined;
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

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("members.title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t("members.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => list.update({ q: value.trim() })}
          data-testid="member-search"
        />
        <BranchSelect allowClear style={{ width: 200 }} value={branchId} onChange={(v) => list.update({ branchId: v })} />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("field.status")}
          aria-label={t("field.status")}
          value={query.status}
          onChange={(v) => list.update({ status: v })}
          options={memberStatuses.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("field.role")}
          aria-label={t("field.role")}
          value={query.role}
          onChange={(v) => list.update({ role: v })}
          options={memberRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/party/members" query={query} name="party-members" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="member-create">
            {t("members.create")}
          </Button>
        )}
      </div>
      {members.isError && <Alert type="error" showIcon title={errorMessage(members.error)} style={{ marginBottom: 16 }} />}
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("members.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: members.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
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
          ...(manage
            ? [
                {
                  title: t("common:actions"),
                  key: "actions",
                  width: 130,
                  fixed: "right" as const,
                  render: (_: unknown, r: Member) =>
                    r.status === "transferred_out" ? (
                      formatDate(r.transferredOutOn)
                    ) : (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(r)}>
                          {t("common:action.edit")}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setTransferring(r)}>
                          {t("members.transfer")}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <MemberFormDrawer open={editing !== undefined} member={editing ?? null} onClose={() => setEditing(undefined)} />
      <TransferModal member={transferring} onClose={() => setTransferring(null)} />
    </Card>
  );
}
