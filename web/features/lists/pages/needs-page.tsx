import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Need, needKinds, needStatuses } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { useStationColumn } from "../../../components/station-filter.tsx";
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
  const list = useListParams(["status", "kind"]);
  const [search, setSearch] = useState(list.q);
  const [raising, setRaising] = useState(false);
  const [matching, setMatching] = useState<Need | null>(null);
  const close = useCloseNeed();
  const query: NeedListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as NeedListQuery["status"],
    kind: list.filters.kind as NeedListQuery["kind"],
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

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("need.title")}
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
          style={{ width: 120 }}
          placeholder={t("field.status")}
          value={query.status}
          onChange={(value) => list.update({ status: value })}
          options={needStatuses.map((s) => ({ value: s, label: t(`needStatus.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("field.kind")}
          value={query.kind}
          onChange={(value) => list.update({ kind: value })}
          options={needKinds.map((k) => ({ value: k, label: t(`needKind.${k}`) }))}
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/needs" query={query} name="needs" />
        {can("need.raise") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
            {t("need.raise")}
          </Button>
        )}
      </div>
      {needs.isError && <Alert type="error" showIcon title={errorMessage(needs.error)} style={{ marginBottom: 16 }} />}
      <Table<Need>
        rowKey="id"
        size="middle"
        loading={needs.isFetching}
        dataSource={needs.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: needs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        expandable={{ expandedRowRender: (n) => <div style={{ whiteSpace: "pre-wrap" }}>{n.description}</div> }}
        columns={[
          { title: t("field.title"), dataIndex: "title" },
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
          ...(can("need.manage")
            ? [
                {
                  title: t("common:actions"),
                  key: "actions",
                  width: 150,
                  render: (_: unknown, n: Need) => (
                    <Space size={0}>
                      {n.status === "open" && (
                        <Button type="link" size="small" onClick={() => setMatching(n)}>
                          {t("match.action")}
                        </Button>
                      )}
                      {n.status !== "closed" && (
                        <Button type="link" size="small" danger onClick={() => closeNeed(n)}>
                          {t("need.close")}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <NeedFormModal open={raising} onClose={() => setRaising(false)} />
      <MatchModal need={matching} onClose={() => setMatching(null)} />
    </Card>
  );
}
