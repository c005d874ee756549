import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Image, Progress, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import type { Allocation, Expenditure, FundingSource } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useAllocations, useDecideExpenditure, useExpenditures, useFundingSources } from "../api/console.ts";
import { AllocationFormDrawer } from "../components/allocation-form-drawer.tsx";
import { ExpenditureFormDrawer } from "../components/expenditure-form-drawer.tsx";
import { SourceFormDrawer } from "../components/source-form-drawer.tsx";

type Open =
  | { form: "source"; source: FundingSource | null }
  | { form: "allocation"; sourceId: number | null }
  | { form: "expenditure"; allocationId: number | null }
  | null;

/** A section's heading with its buttons on the right. */
function Heading({ title, children, first }: { title: string; children?: ReactNode; first?: boolean }) {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8, marginTop: first ? 0 : 28, marginBottom: 8 }}>
      <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

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
  const manage = can("economy.manage");
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const today = stationDate(new Date());
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
    { width: 120, rows: expenditures.data?.items },
  );
  const sourceActions = useActionsColumn<FundingSource>(
    (s) => (
      <RowActions>
        <RowAction onClick={() => setOpen({ form: "source", source: s })} data-testid={`source-edit-${s.id}`}>
          {t("common:action.edit")}
        </RowAction>
        <RowAction disabled={s.unallocatedFen <= 0} onClick={() => setOpen({ form: "allocation", sourceId: s.id })}>
          {t("ledger.allocate")}
        </RowAction>
      </RowActions>
    ),
    { width: 130, show: manage },
  );
  const allocationActions = useActionsColumn<Allocation>(
    (a) => (
      <RowActions>
        <RowAction disabled={a.balanceFen <= 0} onClick={() => setOpen({ form: "expenditure", allocationId: a.id })}>
          {t("ledger.spend")}
        </RowAction>
      </RowActions>
    ),
    { width: 140, show: manage },
  );
  const sourceColumns = [
    { title: t("field.source"), dataIndex: "name", width: 180 },
    { title: t("console.kind"), dataIndex: "kind", width: 100, render: (k: string) => t(`sourceKind.${k}`) },
    { title: t("field.received"), dataIndex: "receivedFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("field.allocated"), dataIndex: "allocatedFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("console.spentHeld"), dataIndex: "spentFen", width: 160, align: "right" as const, render: formatYuan },
    { title: t("console.receivedOn"), dataIndex: "receivedOn", width: 110 },
    ...sourceActions,
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
    ...allocationActions,
  ];
  const expenditureColumns = [
    { title: t("field.spentOn"), dataIndex: "spentOn", width: 100 },
    {
      title: t("field.target"),
      key: "target",
      width: 150,
      render: (_: unknown, e: Expenditure) => {
        const a = allocationById.get(e.allocationId);
        return a ? (a.projectName ?? a.activity) : "";
      },
    },
    { title: t("field.payee"), dataIndex: "payee", width: 180 },
    { title: t("field.purpose"), dataIndex: "purpose", width: 170 },
    { title: t("field.amount"), dataIndex: "amountFen", width: 120, align: "right" as const, render: formatYuan },
    {
      title: t("field.receipts"),
      dataIndex: "receiptIds",
      width: 90,
      render: (ids: string[]) =>
        ids.length === 0 ? (
          <Typography.Text type="secondary">{t("ledger.noReceipt")}</Typography.Text>
        ) : (
          <Image.PreviewGroup>
            <Space size={4}>
              {ids.slice(0, 2).map((id) => (
                <Image key={id} src={`/api/files/${id}`} width={32} height={32} style={{ objectFit: "cover", borderRadius: 4 }} />
              ))}
              {ids.length > 2 && <Typography.Text type="secondary">+{ids.length - 2}</Typography.Text>}
            </Space>
          </Image.PreviewGroup>
        ),
    },
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
      <Heading title={t("console.sources")} first>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ form: "source", source: null })} data-testid="source-new">
            {t("ledger.newSource")}
          </Button>
        )}
      </Heading>
      <Table<FundingSource>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sources.isFetching}
        dataSource={sources.data ?? []}
        columns={sourceColumns}
        scroll={{ x: tableWidth(sourceColumns) }}
        locale={{ emptyText: <Empty description={t("ledger.noSources")} /> }}
        data-testid="sources-table"
      />
      <Heading title={t("console.allocations")}>
        {manage && (
          <Button
            icon={<PlusOutlined />}
            disabled={!(sources.data ?? []).some((s) => s.unallocatedFen > 0)}
            onClick={() => setOpen({ form: "allocation", sourceId: null })}
            data-testid="allocation-new"
          >
            {t("ledger.newAllocation")}
          </Button>
        )}
      </Heading>
      <Table<Allocation>
        rowKey="id"
        size="small"
        pagination={false}
        loading={allocations.isFetching}
        dataSource={allocations.data ?? []}
        columns={allocationColumns}
        scroll={{ x: tableWidth(allocationColumns) }}
        locale={{ emptyText: <Empty description={t("ledger.noAllocations")} /> }}
        data-testid="allocations-table"
      />
      <Heading title={t("console.expenditures")}>
        {manage && (
          <Button
            icon={<PlusOutlined />}
            disabled={!(allocations.data ?? []).some((a) => a.balanceFen > 0)}
            onClick={() => setOpen({ form: "expenditure", allocationId: null })}
            data-testid="expenditure-new"
          >
            {t("ledger.newExpenditure")}
          </Button>
        )}
        <ExportButton path="/api/funding-expenditures" query={query} name="funding-expenditures" />
      </Heading>
      <Table<Expenditure>
        rowKey="id"
        size="small"
        loading={expenditures.isFetching}
        dataSource={expenditures.data?.items ?? []}
        columns={expenditureColumns}
        scroll={{ x: tableWidth(expenditureColumns) }}
        locale={{ emptyText: <Empty description={t("ledger.noExpenditures")} /> }}
        data-testid="expenditures-table"
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: expenditures.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
      />
      <SourceFormDrawer
        open={open?.form === "source"}
        source={open?.form === "source" ? open.source : null}
        today={today}
        onClose={close}
      />
      <AllocationFormDrawer
        open={open?.form === "allocation"}
        sources={(sources.data ?? []).filter((s) => s.unallocatedFen > 0)}
        sourceId={open?.form === "allocation" ? open.sourceId : null}
        today={today}
        onClose={close}
      />
      <ExpenditureFormDrawer
        open={open?.form === "expenditure"}
        allocations={allocations.data ?? []}
        allocationId={open?.form === "expenditure" ? open.allocationId : null}
        today={today}
        onClose={close}
      />
    </Card>
  );
}
