import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Need, needKinds, needStatuses } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCloseNeed } from "../api/close-need.ts";
import { type NeedListQuery, useNeeds } from "../api/list-needs.ts";
import { NeedStatusTag } from "../components/list-tags.tsx";
import { MatchModal } from "../components/match-modal.tsx";
import { NeedFormModal } from "../components/need-form-modal.tsx";

export default function NeedsPage() {
  const stationColumn = useStationColumn<Need>();
  const { t } = useTranslation("lists");
  const { message, modal } = App.useApp();
  const can = useCan();
  const list = useListParams(["status", "kind", "stationId"]);
  const stationField = useStationField();
  const [raising, setRaising] = useState(false);
  const [matching, setMatching] = useState<Need | null>(null);
  const close = useCloseNeed();
  const query: NeedListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as NeedListQuery["status"],
    kind: list.filters.kind as NeedListQuery["kind"],
    stationId: list.idOf("stationId"),
  };
  const needs = useNeeds(query);

  const closeNeed = (need: Need) =>
    modal.confirm({
      title: t("need.closeConfirm", { title: need.title }),
      onOk: async () => {
        try {
          await close.mutateAsync({ id: need.id, version: need.version });
          message.success(t("need.closed"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const actions = useActionsColumn<Need>(
    (n) => (
      <>
        {n.status === "open" && <RowAction onClick={() => setMatching(n)}>{t("match.action")}</RowAction>}
        {n.status !== "closed" && (
          <RowAction danger onClick={() => closeNeed(n)}>
            {t("need.close")}
          </RowAction>
        )}
      </>
    ),
    { width: 140, show: can("need.manage") },
  );

  const columns: TableColumnsType<Need> = [
    { title: t("field.title"), dataIndex: "title", width: 220 },
    ...stationColumn,
    { title: t("field.kind"), dataIndex: "kind", width: 100, render: (k: string) => t(`needKind.${k}`) },
    { title: t("field.raisedBy"), dataIndex: "raisedBy", width: 120, render: dash },
    { title: t("field.status"), dataIndex: "status", width: 100, render: (s: Need["status"]) => <NeedStatusTag status={s} /> },
    {
      title: t("field.matchedOffer"),
      key: "offer",
      width: 220,
      render: (_: unknown, n) =>
        n.projectId ? <Link to={`/projects/${n.projectId}`}>{n.offerTitle ?? t("project.open")}</Link> : dash(n.offerTitle),
    },
    { title: t("field.createdAt"), dataIndex: "createdAt", width: 150, render: formatDateTime },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("need.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/needs" query={query} name="needs" />
        {can("need.raise") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
            {t("need.raise")}
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
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="need-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            needStatuses.map((s) => ({ value: s, label: t(`needStatus.${s}`) })),
            { width: 120 },
          ),
          selectField(
            "kind",
            t("field.kind"),
            needKinds.map((k) => ({ value: k, label: t(`needKind.${k}`) })),
            { width: 130 },
          ),
          ...stationField,
        ]}
      />
      {needs.isError && <Alert type="error" showIcon title={errorMessage(needs.error)} style={{ marginBottom: 16 }} />}
      <Table<Need>
        rowKey="id"
        size="middle"
        loading={needs.isFetching}
        dataSource={needs.data?.items ?? []}
        scroll={{ x: tableWidth(columns) + 48 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, needs.data)}
        expandable={{ expandedRowRender: (n) => <div style={{ whiteSpace: "pre-wrap" }}>{n.description}</div> }}
        columns={columns}
      />
      <NeedFormModal open={raising} onClose={() => setRaising(false)} />
      <MatchModal need={matching} onClose={() => setMatching(null)} />
    </Card>
  );
}
