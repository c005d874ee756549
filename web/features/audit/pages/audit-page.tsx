import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Input, List, Modal, Result, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../contracts/audit.ts";
import { stationDate, stationDayEnd, stationDayStart } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { type AuditListQuery, useAudit } from "../api/list-audit.ts";
import { type AuditVerifyResult, useVerifyAudit } from "../api/verify-audit.ts";
import { JsonDiff } from "../components/json-diff.tsx";

/** The actions the server records; the filter offers these, the table shows whatever comes. */
const knownActions = [
  "auth.login",
  "auth.logout",
  "user.created",
  "user.updated",
  "user.password_changed",
  "user.password_reset",
  "merchant.created",
  "merchant.updated",
  "merchant.status_changed",
  "merchant.personal_viewed",
  "merchant.imported",
  "resident.created",
  "resident.updated",
  "resident.personal_viewed",
  "resident.imported",
  "stall.created",
  "stall.updated",
  "stall.deleted",
  "alliance_unit.created",
  "alliance_unit.updated",
  "import.committed",
  "import.discarded",
];
const objectTypes = ["user", "merchant", "resident", "stall", "alliance_unit", "import"];

export default function AuditPage() {
  const { t } = useTranslation("audit");
  const { message } = App.useApp();
  const list = useListParams(["action", "objectType", "objectId", "from", "to"]);
  const verify = useVerifyAudit();
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);

  const query: AuditListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    action: list.filters.action,
    objectType: list.filters.objectType,
    objectId: list.filters.objectId,
    from: list.filters.from,
    to: list.filters.to,
  };
  const audit = useAudit(query);

  const runVerify = async () => {
    try {
      setVerified(await verify.mutateAsync());
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actionLabel = (a: string) => t(`actionName.${a.replaceAll(".", "_")}`, { defaultValue: a });

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/audit" query={query} name="audit" />
        <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verify.isPending} data-testid="audit-verify">
          {t("verify")}
        </Button>
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 200 }} placeholder={t("searchPlaceholder")} data-testid="audit-search" />,
          },
          selectField(
            "action",
            t("field.action"),
            knownActions.map((a) => ({ value: a, label: actionLabel(a) })),
            { width: 200, search: true },
          ),
          selectField(
            "objectType",
            t("field.objectType"),
            objectTypes.map((o) => ({ value: o, label: t(`objectType.${o}`) })),
            { width: 130 },
          ),
          {
            name: "objectId",
            label: t("field.objectId"),
            input: <Input allowClear style={{ width: 100 }} placeholder={t("field.objectId")} aria-label={t("field.objectId")} />,
          },
          {
            name: "at",
            label: t("field.at"),
            // The address holds instants: a station day's first moment, and the last millisecond of the last day
            // (the server takes entries at or before `to`).
            range: {
              from: "from",
              to: "to",
              toDate: (instant) => stationDate(instant),
              fromDate: (date, end) =>
                end === "from" ? stationDayStart(date).toISOString() : new Date(stationDayEnd(date).getTime() - 1).toISOString(),
            },
            input: <DatePicker.RangePicker aria-label={t("field.at")} />,
          },
        ]}
      />
      {audit.isError && <Alert type="error" showIcon title={errorMessage(audit.error)} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        loading={audit.isFetching}
        dataSource={audit.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        expandable={{
          expandedRowRender: (entry) => <JsonDiff before={entry.before} after={entry.after} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
          { title: t("field.seq"), dataIndex: "seq", width: 80 },
          { title: t("field.at"), dataIndex: "at", width: 150, render: formatDateTime },
          {
            title: t("field.actor"),
            key: "actor",
            width: 180,
            render: (_: unknown, e) =>
              e.actorName ? (
                <span>
                  {e.actorName}
                  {e.actorRole && (
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {t(`common:enum.role.${e.actorRole}`, { defaultValue: e.actorRole })}
                    </Typography.Text>
                  )}
                </span>
              ) : (
                <Typography.Text type="secondary">{t("system")}</Typography.Text>
              ),
          },
          {
            title: t("field.action"),
            dataIndex: "action",
            width: 200,
            render: (a: string) => (
              <span title={a}>
                {actionLabel(a)}
                {actionLabel(a) !== a && (
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t("field.object"),
            key: "object",
            render: (_: unknown, e) =>
              `${t(`objectType.${e.objectType}`, { defaultValue: e.objectType })}${e.objectId ? ` #${e.objectId}` : ""}`,
          },
          { title: t("field.ip"), dataIndex: "ip", width: 130, render: dash },
          {
            title: t("field.hash"),
            dataIndex: "hash",
            width: 110,
            render: (h: string) => (
              <Typography.Text code title={h}>
                {h.slice(0, 8)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Modal open={verified !== null} title={t("verifyTitle")} footer={null} onCancel={() => setVerified(null)} width={640}>
        {verified && (
          <>
            <Result
              status={verified.ok ? "success" : "error"}
              title={verified.ok ? t("verifyOk") : t("verifyBroken", { count: verified.problems.length })}
              subTitle={t("verifyChecked", { count: verified.checked })}
            />
            {verified.problems.length > 0 && (
              <List
                size="small"
                bordered
                dataSource={verified.problems}
                renderItem={(p) => (
                  <List.Item>
                    <Typography.Text type="danger">
                      #{p.seq} · {p.kind}
                    </Typography.Text>
                    <span style={{ marginLeft: 12 }}>{p.message}</span>
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Modal>
    </Card>
  );
}
