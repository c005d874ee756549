import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  Modal,
  Progress,
  Radio,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { defaultPurchaseHeaders, type PurchaseColumn, type PurchaseImport, purchaseColumns } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { tableWidth } from "../../../components/table-width.ts";
import { type Ranking, useImportPurchases, useRanking } from "../api/console.ts";
import { EnterprisesTable } from "../components/enterprises-table.tsx";

/** The import of an enterprise's spreadsheet: its headers mapped to the fields, a preview naming the bad rows, then import. */
function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const upload = useImportPurchases();
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<Record<PurchaseColumn, string>>({ ...defaultPurchaseHeaders });
  const [result, setResult] = useState<PurchaseImport | null>(null);
  const [percent, setPercent] = useState(0);
  const [mode, setMode] = useState<"valid_only" | "all">("valid_only");
  const send = async (m: "preview" | "valid_only" | "all") => {
    if (!file) return;
    try {
      const r = await upload.mutateAsync({ file, query: { mode: m, ...headers }, onProgress: setPercent });
      setResult(r);
      if (m !== "preview") {
        message.success(t("console.imported", { count: r.importedRows }));
        onClose();
        setResult(null);
        setFile(null);
      }
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} title={t("console.import")} footer={null} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="import-file">
            {t("console.chooseFile")}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t("console.mapping")}</Typography.Text>
        <div style={{ display: "grid", gridTemplateColumns: "repeat(5, 1fr)", gap: 8 }}>
          {purchaseColumns.map((c) => (
            <Input
              key={c}
              addonBefore={t(`console.column.${c}`)}
              value={headers[c]}
              onChange={(e) => setHeaders({ ...headers, [c]: e.target.value })}
              data-testid={`map-${c}`}
            />
          ))}
        </div>
        {upload.isPending && <Progress percent={percent} size="small" />}
        <Button onClick={() => send("preview")} disabled={!file} loading={upload.isPending} data-testid="import-preview">
          {t("console.preview")}
        </Button>
        {result && (
          <>
            <Alert
              type={result.rejected.length ? "warning" : "success"}
              showIcon
              title={t("console.previewResult", {
                total: result.totalRows,
                accepted: result.acceptedRows,
                rejected: new Set(result.rejected.map((r) => r.row)).size,
              })}
            />
            {result.rejected.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}`}
                pagination={false}
                dataSource={result.rejected}
                data-testid="import-rejected"
                columns={[
                  { title: t("console.row"), dataIndex: "row", width: 70 },
                  { title: t("console.columnName"), dataIndex: "column", width: 140 },
                  { title: t("console.problem"), dataIndex: "message" },
                ]}
              />
            )}
            {result.fuzzy.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={result.fuzzy.map((f) => t("console.fuzzy", { row: f.row, given: f.given, matched: f.matched })).join("；")}
              />
            )}
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Radio value="valid_only">{t("console.validOnly")}</Radio>
              <Radio value="all">{t("console.allOrNothing")}</Radio>
            </Radio.Group>
            <Button
              type="primary"
              onClick={() => send(mode)}
              loading={upload.isPending}
              disabled={result.acceptedRows === 0}
              data-testid="import-commit"
            >
              {t("console.commit")}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}

/** 定向消费: the month's ranking of enterprises against their pledges (通报), and the import of purchases. */
export default function ConsumptionPage() {
  const { t } = useTranslation("economy");
  const can = useCan();
  const list = useListParams(["month"]);
  const month = list.filters.month ?? dayjs().format("YYYY-MM");
  const ranking = useRanking(month);
  const [importing, setImporting] = useState(false);
  type Row = Ranking["rows"][number];
  const columns = [
    { title: t("console.rank"), dataIndex: "rank", width: 70 },
    { title: t("console.enterprise"), dataIndex: "name", width: 260 },
    { title: t("console.pledged"), dataIndex: "pledgedFen", width: 140, align: "right" as const, render: formatYuan },
    { title: t("console.confirmed"), dataIndex: "confirmedFen", width: 140, align: "right" as const, render: formatYuan },
    {
      title: t("console.fulfilment"),
      dataIndex: "fulfilmentBp",
      width: 160,
      render: (bp: number | null) =>
        bp === null ? (
          "—"
        ) : (
          <Progress size="small" percent={Math.min(100, Math.round(bp / 100))} format={() => `${(bp / 100).toFixed(1)}%`} />
        ),
    },
  ];
  return (
    <Card>
      <div style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("menu.consumption")}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => list.update({ month: d?.format("YYYY-MM") })}
          data-testid="ranking-month"
        />
        <div style={{ flex: 1 }} />
        {can("economy.manage") && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="purchases-import">
            {t("console.import")}
          </Button>
        )}
      </div>
      {ranking.isError && <Alert type="error" showIcon title={errorMessage(ranking.error)} style={{ marginBottom: 16 }} />}
      {ranking.data && (
        <div style={{ display: "flex", gap: 32, marginBottom: 16 }}>
          <Statistic title={t("console.pledged")} value={formatYuan(ranking.data.pledgedFen)} />
          <Statistic title={t("console.confirmed")} value={formatYuan(ranking.data.confirmedFen)} />
        </div>
      )}
      <Table<Row>
        rowKey="enterpriseId"
        size="middle"
        loading={ranking.isFetching}
        dataSource={ranking.data?.rows ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("enterprises.noRanking")} /> }}
        pagination={{ pageSize: 10, showTotal: (total) => t("common:total", { total }) }}
        data-testid="ranking-table"
        columns={columns}
      />
      <EnterprisesTable month={month} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
