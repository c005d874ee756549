import { Alert, App, Card, Empty, Progress, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Allocation, Expenditure, FundingSource } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useAllocations, useDecideExpenditure, useExpenditures, useFundingSources } from "../api/console.ts";

/** 资金台账: where the money came from, where it was allocated, and what was spent (approvals here; export for audit). */
export default function LedgerPage() {
  const { t } = useTranslation("economy");
  const { message, modal } = App.useApp();
  const can = useCan();
  const list = useListParams(["status"]);
  const sources = useFundingSources();
  const allocations = useAllocations();
  const query = { page: list.page, pageSize: list.pageSize, status: list.filters.status };
  const expenditures = useExpenditures(query);
  const decide = useDecideExpenditure();
  const allocationById = new Map((allocations.data ?? []).map((a) => [a.id, a]));
  const run = (e: Expenditure, decision: "approve" | "reject") =>
    modal.confirm({
      title: t(`console.decide.${decision}`),
      content: `${e.payee} · ${formatYuan(e.amountFen)}`,
      onOk: async () => {
        try {
          await decide.mutateAsync({ id: e.id, decision });
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  const actions = useActionsColumn<Expenditure>(
    (e) =>
      e.status === "requested" && can("economy.manage") ? (
        <RowActions>
          <RowAction onClick={() => run(e, "approve")}>{t("console.decide.approve")}</RowAction>
          <RowAction danger onClick={() => run(e, "reject")}>
            {t("console.decide.reject")}
          </RowAction>
        </RowActions>
      ) : null,
    { width: 120 },
  );
  const sourceColumns = [
    { title: t("field.source"), dataIndex: "name", width: 180 },
    { title: t("console.kind"), dataIndex: "kind", width: 100, render: (k: string) => t(`sourceKind.${k}`) },
    { title: t("field.received"), dataIndex: "receivedFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("field.allocated"), dataIndex: "allocatedFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("console.spentHeld"), dataIndex: "spentFen", width: 160, align: "right" as const, render: formatYuan },
    { title: t("console.receivedOn"), dataIndex: "receivedOn", width: 110 },
  ];
  const allocationColumns = [
    { title: t("field.target"), key: "target", width: 180, render: (_: unknown, a: Allocation) => a.projectName ?? a.activity },
    { title: t("field.source"), dataIndex: "sourceName", width: 160 },
    { title: t("field.amount"), dataIndex: "amountFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("console.spentHeld"), dataIndex: "spentFen", width: 160, align: "right" as const, render: formatYuan },
    { title: t("field.balance"), dataIndex: "balanceFen", width: 140, align: "right" as const, render: formatYuan },
    {
      title: t("console.used"),
      key: "used",
      width: 140,
      render: (_: unknown, a: Allocation) => <Progress size="small" percent={Math.round((a.spentFen / a.amountFen) * 100)} />,
    },
  ];
  const expenditureColumns = [
    { title: t("field.spentOn"), dataIndex: "spentOn", width: 110 },
    {
      title: t("field.target"),
      key: "target",
      width: 160,
      render: (_: unknown, e: Expenditure) => {
        const a = allocationById.get(e.allocationId);
        return a ? (a.projectName ?? a.activity) : "";
      },
    },
    { title: t("field.payee"), dataIndex: "payee", width: 200 },
    { title: t("field.purpose"), dataIndex: "purpose", width: 180 },
    { title: t("field.amount"), dataIndex: "amountFen", width: 130, align: "right" as const, render: formatYuan },
    {
      title: t("field.expenditureStatus"),
      dataIndex: "status",
      width: 140,
      render: (s: string) => (
        <Tag color={s === "requested" ? "gold" : s === "approved" ? "green" : undefined}>{t(`expenditureStatus.${s}`)}</Tag>
      ),
    },
    ...actions,
  ];
  const error = sources.error ?? allocations.error ?? expenditures.error;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("menu.ledger")}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t("console.sources")}</Typography.Title>
      <Table<FundingSource>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sources.isFetching}
        dataSource={sources.data ?? []}
        columns={sourceColumns}
        scroll={{ x: tableWidth(sourceColumns) }}
        locale={{ emptyText: <Empty /> }}
        data-testid="sources-table"
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("console.allocations")}
      </Typography.Title>
      <Table<Allocation>
        rowKey="id"
        size="small"
        pagination={false}
        loading={allocations.isFetching}
        dataSource={allocations.data ?? []}
        columns={allocationColumns}
        scroll={{ x: tableWidth(allocationColumns) }}
        locale={{ emptyText: <Empty /> }}
      />
      <div style={{ display: "flex", alignItems: "center", marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t("console.expenditures")}
        </Typography.Title>
        <ExportButton path="/api/funding-expenditures" query={query} name="funding-expenditures" />
      </div>
      <Table<Expenditure>
        rowKey="id"
        size="small"
        loading={expenditures.isFetching}
        dataSource={expenditures.data?.items ?? []}
        columns={expenditureColumns}
        scroll={{ x: tableWidth(expenditureColumns) }}
        locale={{ emptyText: <Empty /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: expenditures.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
      />
    </Card>
  );
}
