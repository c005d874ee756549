import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Input, Select, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Policy, policyKinds } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCoverage, useMovePolicy, usePolicies } from "../api/console.ts";
import { PolicyFormDrawer } from "../components/policy-form-drawer.tsx";

/** A policy's coverage: merchants reached, the money, and the eligible merchants not reached (with their application). */
function CoverageDrawer({ policyId, onClose }: { policyId: number | null; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const coverage = useCoverage(policyId);
  const c = coverage.data;
  return (
    <Drawer open={policyId !== null} onClose={onClose} size={640} title={c?.policy.title ?? ""} destroyOnHidden>
      {coverage.isError && <Alert type="error" showIcon title={errorMessage(coverage.error)} />}
      {c && (
        <>
          <div style={{ display: "flex", gap: 32, marginBottom: 16 }} data-testid="coverage-figures">
            <Statistic title={t("field.eligible")} value={c.eligible} />
            <Statistic title={t("field.reached")} value={c.reached} />
            <Statistic title={t("field.disbursed")} value={formatYuan(c.disbursedFen)} />
            {c.subsidyFen > 0 && <Statistic title={t("field.subsidy")} value={formatYuan(c.subsidyFen)} />}
          </div>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("field.beneficiaries")}>{c.policy.beneficiaries}</Descriptions.Item>
            <Descriptions.Item label={t("field.conditions")}>{c.policy.conditions}</Descriptions.Item>
            <Descriptions.Item label={t("field.amounts")}>{c.policy.amounts}</Descriptions.Item>
            <Descriptions.Item label={t("field.whereToApply")}>{`${c.policy.whereToApply} · ${c.policy.contact}`}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{`${t("field.notReached")}（${c.notReached.length}）`}</Typography.Title>
          <Table
            rowKey="merchantId"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={c.notReached}
            data-testid="coverage-not-reached"
            columns={[
              {
                title: t("field.merchant"),
                dataIndex: "name",
                render: (n: string, r) => <a href={`/merchant-files/${r.merchantId}`}>{n}</a>,
              },
              { title: t("console.category"), dataIndex: "category", render: (v: string) => t(`common:enum.category.${v}`) },
              {
                title: t("console.application"),
                dataIndex: "applicationStatus",
                render: (s: string | null) => (s ? <Tag>{t(`reliefStatus.${s}`)}</Tag> : t("console.notApplied")),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** 政策帮扶: the station's policy items with their guide, dates and status; each opens its coverage. */
export default function PoliciesPage() {
  const { t } = useTranslation("economy");
  const { message, modal } = App.useApp();
  const can = useCan();
  const list = useListParams(["kind", "policy", "stationId"]);
  const query = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    kind: list.filters.kind,
    stationId: list.idOf("stationId"),
  };
  const policies = usePolicies(query);
  const stationColumn = useStationColumn<Policy>();
  const open = list.idOf("policy") ?? null;
  const move = useMovePolicy();
  const [creating, setCreating] = useState(false);
  const step = (p: Policy, action: "open" | "close") =>
    modal.confirm({
      title: t(`console.policy.${action}`),
      content: action === "open" ? t("console.policy.openHint") : p.title,
      onOk: async () => {
        try {
          await move.mutateAsync({ id: p.id, action, version: p.version });
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  const actions = useActionsColumn<Policy>(
    (p) => (
      <RowActions>
        {can("economy.manage") && p.status === "draft" && (
          <RowAction onClick={() => step(p, "open")} data-testid={`policy-open-${p.id}`}>
            {t("console.policy.open")}
          </RowAction>
        )}
        {can("economy.manage") && p.status !== "closed" && (
          <RowAction danger onClick={() => step(p, "close")}>
            {t("console.policy.close")}
          </RowAction>
        )}
        <RowAction onClick={() => list.update({ policy: p.id }, true)} data-testid={`coverage-${p.id}`}>
          {t("console.coverage")}
        </RowAction>
      </RowActions>
    ),
    { width: 170 },
  );
  const columns = [
    { title: t("field.title"), dataIndex: "title", width: 240, fixed: "left" as const },
    ...stationColumn,
    { title: t("field.kind"), dataIndex: "kind", width: 160, render: (k: string) => t(`policyKind.${k}`) },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: string) => <Tag color={s === "open" ? "red" : undefined}>{t(`policyStatus.${s}`)}</Tag>,
    },
    { title: t("field.opensOn"), dataIndex: "opensOn", width: 110 },
    { title: t("field.deadline"), dataIndex: "deadline", width: 110 },
    { title: t("field.cap"), dataIndex: "capFen", width: 130, align: "right" as const, render: formatYuan },
    ...actions,
  ];
  return (
    <Card>
      <div style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("menu.policies")}
        </Typography.Title>
        <Input.Search
          allowClear
          defaultValue={list.q}
          style={{ width: 240 }}
          placeholder={t("field.title")}
          onSearch={(q) => list.update({ q })}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t("field.kind")}
          value={list.filters.kind}
          onChange={(kind) => list.update({ kind })}
          options={policyKinds.map((k) => ({ value: k, label: t(`policyKind.${k}`) }))}
        />
        <div style={{ flex: 1 }} />
        {can("economy.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="policy-new">
            {t("console.newPolicy")}
          </Button>
        )}
      </div>
      {policies.isError && <Alert type="error" showIcon title={errorMessage(policies.error)} style={{ marginBottom: 16 }} />}
      <Table<Policy>
        rowKey="id"
        size="middle"
        loading={policies.isFetching}
        dataSource={policies.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("m.noPolicies")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: policies.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
        data-testid="policies-table"
        columns={columns}
      />
      <CoverageDrawer policyId={open} onClose={() => list.update({ policy: undefined }, true)} />
      <PolicyFormDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
