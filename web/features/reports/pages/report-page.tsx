import { DownloadOutlined, EditOutlined, FileDoneOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Input, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  placeholderChange,
  type ReportDetail,
  type ReportDiff,
  type ReportFigure,
  type ReportParagraph,
  type ReportVersionSummary,
} from "../../../../contracts/reports.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { downloadVersion, useEditReport, useGenerateReport, useReport, useReportDiff } from "../api/reports.ts";
import { FigureText } from "../components/figure-text.tsx";

/** A report: its draft (sentences editable, figures as tags), generating a version, the versions and what changed. */
export default function ReportPage() {
  const { t } = useTranslation("reports");
  const id = Number(useParams().id);
  const report = useReport(id);
  const [tab, setTab] = useState("draft");
  if (report.error) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  const r = report.data;
  if (!r) return <Card loading />;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="report-title">
        {r.title}
      </Typography.Title>
      <Header report={r} onGenerated={() => setTab("versions")} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "draft", label: t("tab.draft"), children: <Draft report={r} /> },
          { key: "versions", label: t("tab.versions", { count: r.versions.length }), children: <Versions report={r} /> },
        ]}
      />
    </Card>
  );
}

function Header({ report: r, onGenerated }: { report: ReportDetail; onGenerated: () => void }) {
  const { t } = useTranslation("reports");
  const { message, modal } = App.useApp();
  const can = useCan();
  const generate = useGenerateReport(r.id);
  const missing = r.figures.filter((f) => f.missing);
  const latest = r.versions[0];
  const run = () =>
    modal.confirm({
      title: t("generate.title", { number: r.generatedCount + 1 }),
      content: (
        <>
          <p>{t("generate.body", { count: r.figures.length })}</p>
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("generate.missing", { count: missing.length, ids: missing.map((f) => f.id).join("、") })}
            />
          )}
        </>
      ),
      okText: t("generate.ok"),
      onOk: async () => {
        try {
          const v = await generate.mutateAsync(r.version);
          message.success(t("generate.done", { number: v.number, ms: v.durationMs }));
          onGenerated();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: "kind", label: t("field.kind"), children: t(`kind.${r.kind}`) },
          { key: "unit", label: t("field.unit"), children: `${r.unitName}（${r.scope}）` },
          { key: "period", label: t("field.period"), children: `${r.period}（${r.from} — ${r.to}）` },
          { key: "figures", label: t("field.figures"), children: t("figureCount", { count: r.figures.length, missing: missing.length }) },
          { key: "versions", label: t("field.versions"), children: r.generatedCount || t("draftOnly") },
          { key: "last", label: t("field.lastGenerated"), children: r.lastGeneratedAt ? formatDateTime(r.lastGeneratedAt) : "—" },
        ]}
      />
      <Space style={{ margin: "12px 0" }} wrap>
        {can("report.generate") && (
          <Button type="primary" icon={<FileDoneOutlined />} loading={generate.isPending} onClick={run} data-testid="generate">
            {t("generate.button")}
          </Button>
        )}
        {latest && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadVersion(r.id, latest.number).catch((e) => message.error(errorMessage(e)))}
            data-testid="download-latest"
          >
            {t("downloadLatest", { number: latest.number })}
          </Button>
        )}
      </Space>
      {missing.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("missingNote", { count: missing.length })} />
      )}
    </>
  );
}

function Draft({ report: r }: { report: ReportDetail }) {
  const { t } = useTranslation("reports");
  const figures = new Map(r.figures.map((f) => [f.id, f]));
  const sections = [{ section: 0, heading: t("intro") }, ...r.sections];
  return (
    <div style={{ maxWidth: 960 }}>
      {sections.map((s) => {
        const ps = r.paragraphs.filter((p) => p.section === s.section);
        if (ps.length === 0) return null;
        return (
          <section key={s.section} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            {ps.map((p) => (
              <ParagraphEditor key={p.id} report={r} paragraph={p} figures={figures} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function ParagraphEditor({
  report: r,
  paragraph: p,
  figures,
}: {
  report: ReportDetail;
  paragraph: ReportParagraph;
  figures: Map<string, ReportFigure>;
}) {
  const { t } = useTranslation("reports");
  const can = useCan();
  const edit = useEditReport(r.id);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editing = text !== null;
  const change = editing ? placeholderChange(p.text, text) : null;
  const save = async () => {
    if (text === null || change) return;
    try {
      await edit.mutateAsync({ paragraphs: [{ id: p.id, text }], version: r.version });
      setText(null);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : errorMessage(e));
    }
  };
  const changeText = change
    ? [
        change.dropped.length ? t("edit.dropped", { ids: change.dropped.map((x) => `{${x}}`).join("、") }) : "",
        change.invented.length ? t("edit.invented", { ids: change.invented.map((x) => `{${x}}`).join("、") }) : "",
      ]
        .filter(Boolean)
        .join("；")
    : null;
  return (
    <div
      data-testid={`paragraph-${p.id}`}
      style={{ padding: "8px 12px", marginBottom: 8, borderRadius: 6, background: editing ? "#fffbe6" : "#fafafa" }}
    >
      {!editing ? (
        <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
          <Typography.Paragraph style={{ flex: 1, margin: 0, lineHeight: 2, textIndent: "2em" }}>
            <FigureText text={p.text} figures={figures} />
            {p.text !== p.original && (
              <Tag color="gold" style={{ marginInlineStart: 6 }}>
                {t("edited")}
              </Tag>
            )}
          </Typography.Paragraph>
          {can("report.generate") && (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              onClick={() => setText(p.text)}
              aria-label={t("edit.button", { id: p.id })}
              data-testid={`edit-${p.id}`}
            >
              {t("edit.short")}
            </Button>
          )}
        </div>
      ) : (
        <>
          <Typography.Text type="secondary">{t("edit.help")}</Typography.Text>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            status={change || error ? "error" : undefined}
            aria-label={t("edit.button", { id: p.id })}
            data-testid={`text-${p.id}`}
            style={{ margin: "6px 0" }}
          />
          {(changeText || error) && <Typography.Text type="danger">{changeText ?? error}</Typography.Text>}
          <div style={{ margin: "6px 0", lineHeight: 2 }}>
            <Typography.Text type="secondary">{t("edit.preview")}</Typography.Text>
            <FigureText text={text} figures={figures} />
          </div>
          <Space>
            <Button type="primary" size="small" onClick={save} disabled={!!change} loading={edit.isPending} data-testid={`save-${p.id}`}>
              {t("edit.save")}
            </Button>
            <Button size="small" onClick={() => setText(null)}>
              {t("edit.cancel")}
            </Button>
            {text !== p.original && (
              <Button size="small" type="link" onClick={() => setText(p.original)}>
                {t("edit.restore")}
              </Button>
            )}
          </Space>
        </>
      )}
    </div>
  );
}

function Versions({ report: r }: { report: ReportDetail }) {
  const { t } = useTranslation("reports");
  const { message } = App.useApp();
  const numbers = r.versions.map((v) => v.number);
  const [from, setFrom] = useState<number | null>(numbers[1] ?? null);
  const [to, setTo] = useState<number | null>(numbers[0] ?? null);
  const pickFrom = from ?? numbers[1] ?? null;
  const pickTo = to ?? numbers[0] ?? null;
  const columns = [
    { title: t("version.number"), dataIndex: "number", width: 70, render: (n: number) => `v${n}` },
    { title: t("version.generatedAt"), dataIndex: "generatedAt", width: 160, render: formatDateTime },
    { title: t("version.by"), dataIndex: "generatedBy", width: 110 },
    {
      title: t("version.figures"),
      key: "figures",
      width: 150,
      render: (_: unknown, v: ReportVersionSummary) => t("figureCount", { count: v.figureCount, missing: v.missingCount }),
    },
    {
      title: t("version.size"),
      dataIndex: "docxSize",
      width: 100,
      align: "right" as const,
      render: (n: number) => `${Math.round(n / 1024)} KB`,
    },
    { title: t("version.duration"), dataIndex: "durationMs", width: 100, align: "right" as const, render: (n: number) => `${n} ms` },
    {
      title: t("version.sha"),
      dataIndex: "docxSha256",
      width: 120,
      render: (s: string) => <Typography.Text code>{s.slice(0, 10)}</Typography.Text>,
    },
    {
      title: t("common:actions"),
      key: "actions",
      width: 100,
      fixed: "right" as const,
      render: (_: unknown, v: ReportVersionSummary) => (
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          onClick={() => downloadVersion(r.id, v.number).catch((e) => message.error(errorMessage(e)))}
          data-testid={`download-${v.number}`}
        >
          {t("download")}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<ReportVersionSummary>
        rowKey="number"
        size="small"
        pagination={false}
        dataSource={r.versions}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("noVersions")} /> }}
        data-testid="versions-table"
      />
      {numbers.length >= 2 && (
        <>
          <Space style={{ margin: "20px 0 12px" }} wrap>
            <Typography.Text strong>{t("diff.title")}</Typography.Text>
            <Select
              style={{ width: 90 }}
              value={pickFrom}
              onChange={setFrom}
              aria-label={t("diff.from")}
              options={numbers.map((n) => ({ value: n, label: `v${n}` }))}
            />
            →
            <Select
              style={{ width: 90 }}
              value={pickTo}
              onChange={setTo}
              aria-label={t("diff.to")}
              options={numbers.map((n) => ({ value: n, label: `v${n}` }))}
            />
          </Space>
          <DiffView id={r.id} from={pickFrom} to={pickTo} />
        </>
      )}
    </>
  );
}

function DiffView({ id, from, to }: { id: number; from: number | null; to: number | null }) {
  const { t } = useTranslation("reports");
  const diff = useReportDiff(id, from, to);
  if (from === to) return <Typography.Text type="secondary">{t("diff.same")}</Typography.Text>;
  if (diff.error) return <Alert type="error" showIcon title={errorMessage(diff.error)} />;
  const d = diff.data;
  if (!d) return <Card loading size="small" />;
  const figureColumns = [
    {
      title: t("diff.figure"),
      key: "figure",
      width: 240,
      render: (_: unknown, f: ReportDiff["figures"][number]) => (
        <>
          {f.name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.id}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("diff.change"),
      dataIndex: "change",
      width: 110,
      render: (c: string) => <Tag color={c === "value" ? "red" : c === "records" ? "orange" : "blue"}>{t(`diff.kind.${c}`)}</Tag>,
    },
    {
      title: t("diff.before"),
      key: "before",
      width: 160,
      render: (_: unknown, f: ReportDiff["figures"][number]) => (
        <>
          {f.before ?? "—"}
          {f.beforeCount !== null && (
            <Typography.Text type="secondary">
              {t("diff.records", { count: f.beforeCount, hash: f.beforeHash?.slice(0, 8) })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("diff.after"),
      key: "after",
      width: 160,
      render: (_: unknown, f: ReportDiff["figures"][number]) => (
        <>
          {f.after ?? "—"}
          {f.afterCount !== null && (
            <Typography.Text type="secondary">{t("diff.records", { count: f.afterCount, hash: f.afterHash?.slice(0, 8) })}</Typography.Text>
          )}
        </>
      ),
    },
  ];
  return (
    <div data-testid="diff">
      <Typography.Title level={5}>{t("diff.figures", { count: d.figures.length })}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.figures}
        columns={figureColumns}
        scroll={{ x: tableWidth(figureColumns) }}
        locale={{ emptyText: <Empty description={t("diff.noFigures")} /> }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("diff.paragraphs", { count: d.paragraphs.length })}
      </Typography.Title>
      {d.paragraphs.length === 0 ? (
        <Typography.Text type="secondary">{t("diff.noParagraphs")}</Typography.Text>
      ) : (
        d.paragraphs.map((p) => (
          <Card key={p.id} size="small" style={{ marginBottom: 8 }} title={p.id}>
            <Typography.Paragraph delete type="secondary" style={{ marginBottom: 4 }}>
              {p.before}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{p.after}</Typography.Paragraph>
          </Card>
        ))
      )}
    </div>
  );
}
