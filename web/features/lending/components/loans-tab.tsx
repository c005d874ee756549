import { BellOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Input, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { borrowerKinds, type LendKind, lendKinds } from "../../../../contracts/lending.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { type LoanOutcome, useCloseLoan } from "../api/close-loan.ts";
import { exportLoans, type LoanListQuery, useLoans } from "../api/list-loans.ts";
import { useRemindOverdue } from "../api/remind-overdue.ts";
import type { Loan } from "../api/types.ts";
import { loanStatusColour } from "./labels.ts";

const views = ["all", "open", "overdue", "closed"] as const;

/** 借用记录: open, overdue and closed loans with filters, export, and the overdue reminder on demand. */
export function LoansTab() {
  const stationColumn = useStationColumn<Loan>();
  const { t } = useTranslation("lending");
  const { message, modal } = App.useApp();
  const can = useCan();
  const list = useListParams(["view", "kind", "borrowerKind", "from", "to", "tab", "stationId"]);
  const stationField = useStationField();
  const query: LoanListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    view: list.filters.view as LoanListQuery["view"],
    kind: list.filters.kind as LendKind | undefined,
    borrowerKind: list.filters.borrowerKind as LoanListQuery["borrowerKind"],
    from: list.filters.from,
    to: list.filters.to,
    stationId: list.idOf("stationId"),
  };
  const loans = useLoans(query);
  const close = useCloseLoan();
  const remind = useRemindOverdue();
  const [exporting, setExporting] = useState(false);

  const finish = (loan: Loan, outcome: LoanOutcome) => {
    const run = async () => {
      try {
        await close.mutateAsync({ id: loan.id, outcome });
        message.success(
          outcome === "returned"
            ? t("loans.returnedOk")
            : t(outcome === "lost" ? "desk.closedLost" : "desk.closedDamaged", { code: loan.itemCode }),
        );
      } catch (error) {
        message.error(errorMessage(error));
      }
    };
    if (outcome === "returned") return run();
    modal.confirm({
      title: t(outcome === "lost" ? "desk.lost" : "desk.damaged"),
      content: t(outcome === "lost" ? "desk.lostConfirm" : "desk.damagedConfirm", { code: loan.itemCode }),
      okButtonProps: { danger: true },
      onOk: run,
    });
  };

  const actions = useActionsColumn<Loan>(
    (l) =>
      l.status === "out" && (
        <>
          <RowAction onClick={() => finish(l, "returned")}>{t("desk.return")}</RowAction>
          <RowAction danger onClick={() => finish(l, "damaged")}>
            {t("desk.damaged")}
          </RowAction>
          <RowAction danger onClick={() => finish(l, "lost")}>
            {t("desk.lost")}
          </RowAction>
        </>
      ),
    { width: 210, show: can("lending.manage"), rows: loans.data?.items },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, marginBottom: 16, alignItems: "center" }}>
        <Segmented
          value={query.view ?? "all"}
          onChange={(v) => list.update({ view: v === "all" ? undefined : String(v) })}
          options={views.map((v) => ({ value: v, label: v === "all" ? t("common:all") : t(`loanView.${v}`) }))}
        />
        <div style={{ flex: 1 }} />
        {can("lending.manage") && (
          <Button
            icon={<BellOutlined />}
            loading={remind.isPending}
            onClick={async () => {
              try {
                const r = await remind.mutateAsync();
                message.success(t("loans.reminded", { reminded: r.reminded, overdue: r.overdue }));
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          >
            {t("loans.remind")}
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={async () => {
            setExporting(true);
            try {
              await exportLoans(query);
            } catch (error) {
              message.error(errorMessage(error));
            } finally {
              setExporting(false);
            }
          }}
        >
          {t("common:action.export")}
        </Button>
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("loans.search"),
            input: <Input allowClear style={{ width: 220 }} placeholder={t("loans.search")} data-testid="loans-search" />,
          },
          selectField(
            "kind",
            t("field.kind"),
            lendKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            { width: 120 },
          ),
          selectField(
            "borrowerKind",
            t("field.borrowerKind"),
            borrowerKinds.map((k) => ({ value: k, label: t(`borrowerKind.${k}`) })),
            { width: 130 },
          ),
          {
            name: "lent",
            label: t("field.lentAt"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker style={{ width: 260 }} aria-label={t("field.lentAt")} />,
          },
          ...stationField,
        ]}
      />
      {loans.isError && <Alert type="error" showIcon title={errorMessage(loans.error)} style={{ marginBottom: 16 }} />}
      <Table<Loan>
        rowKey="id"
        size="middle"
        loading={loans.isFetching}
        dataSource={loans.data?.items ?? []}
        scroll={{ x: 1250 }}
        locale={{ emptyText: <Empty description={t("loans.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, loans.data)}
        columns={[
          {
            title: t("field.item"),
            key: "item",
            width: 230,
            render: (_: unknown, l) => (
              <span>
                <Typography.Text code>{l.itemCode}</Typography.Text> {l.itemName}
              </span>
            ),
          },
          ...stationColumn,
          {
            title: t("field.borrower"),
            key: "borrower",
            width: 200,
            render: (_: unknown, l) => (
              <span>
                <Tag>{t(`borrowerKind.${l.borrowerKind}`)}</Tag>
                {l.borrowerName}
              </span>
            ),
          },
          { title: t("field.lentAt"), dataIndex: "lentAt", width: 150, render: formatDateTime },
          {
            title: t("field.dueAt"),
            dataIndex: "dueAt",
            width: 150,
            render: (v: string, l) => <Typography.Text type={l.overdue ? "danger" : undefined}>{formatDateTime(v)}</Typography.Text>,
          },
          {
            title: t("field.status"),
            key: "status",
            width: 110,
            render: (_: unknown, l) => {
              const s = l.overdue ? "overdue" : l.status;
              return <Tag color={loanStatusColour[s]}>{t(`loanStatus.${s}`)}</Tag>;
            },
          },
          {
            title: t("field.returnedAt"),
            key: "closed",
            width: 170,
            render: (_: unknown, l) =>
              l.returnedAt ? (
                formatDateTime(l.returnedAt)
              ) : l.remindedAt ? (
                <Typography.Text type="secondary">{t("loans.remindedAt", { at: formatDateTime(l.remindedAt) })}</Typography.Text>
              ) : (
                "—"
              ),
          },
          { title: t("field.lentBy"), dataIndex: "lentBy", width: 140, render: (v: string | null) => v ?? "—" },
          ...actions,
        ]}
      />
    </Card>
  );
}
