import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Enterprise } from "../../../../contracts/economy.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useEnterprises } from "../api/console.ts";
import { EnterpriseFormDrawer } from "./enterprise-form-drawer.tsx";
import { PledgesDrawer } from "./pledges-drawer.tsx";

/** The park enterprises of directed consumption: contact, mobilising unit, pledged and confirmed; new, edit, pledges. */
export function EnterprisesTable({ month }: { month: string }) {
  const { t } = useTranslation("economy");
  const can = useCan();
  const manage = can("economy.manage");
  const list = useListParams(["month"]);
  const query = { page: list.page, pageSize: list.pageSize, q: list.q || undefined };
  const enterprises = useEnterprises(query);
  const [editing, setEditing] = useState<{ enterprise: Enterprise | null } | null>(null);
  const [pledging, setPledging] = useState<Enterprise | null>(null);
  const actions = useActionsColumn<Enterprise>(
    (e) => (
      <RowActions>
        <RowAction onClick={() => setEditing({ enterprise: e })} data-testid={`enterprise-edit-${e.id}`}>
          {t("common:action.edit")}
        </RowAction>
        <RowAction onClick={() => setPledging(e)} data-testid={`enterprise-pledges-${e.id}`}>
          {t("enterprises.pledges")}
        </RowAction>
      </RowActions>
    ),
    { width: 140, show: manage },
  );
  const columns = [
    { title: t("enterprises.name"), dataIndex: "name", width: 220 },
    {
      title: t("enterprises.contact"),
      key: "contact",
      width: 130,
      render: (_: unknown, e: Enterprise) => [e.contactName, e.contactTitle].filter(Boolean).join(" · ") || "—",
    },
    { title: t("enterprises.unit"), dataIndex: "mobilisedByUnitName", width: 160, render: (v: string | null) => v ?? "—" },
    { title: t("enterprises.pledgedTotal"), dataIndex: "pledgedFen", width: 120, align: "right" as const, render: formatYuan },
    { title: t("console.confirmed"), dataIndex: "confirmedFen", width: 120, align: "right" as const, render: formatYuan },
    { title: t("enterprises.pending"), dataIndex: "pendingFen", width: 110, align: "right" as const, render: formatYuan },
    ...actions,
  ];
  return (
    <>
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginTop: 28, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("enterprises.title")}
        </Typography.Title>
        <Input.Search
          allowClear
          defaultValue={list.q}
          placeholder={t("enterprises.search")}
          onSearch={(q) => list.update({ q })}
          style={{ width: 240 }}
          data-testid="enterprise-search"
        />
        <div style={{ flex: 1 }} />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ enterprise: null })} data-testid="enterprise-new">
            {t("enterprises.new")}
          </Button>
        )}
      </div>
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        loading={enterprises.isFetching}
        dataSource={enterprises.data?.items ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={list.q ? t("enterprises.noMatch") : t("enterprises.none")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: enterprises.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
        data-testid="enterprises-table"
      />
      <EnterpriseFormDrawer open={editing !== null} enterprise={editing?.enterprise ?? null} onClose={() => setEditing(null)} />
      <PledgesDrawer enterprise={pledging} month={month} onClose={() => setPledging(null)} />
    </>
  );
}
