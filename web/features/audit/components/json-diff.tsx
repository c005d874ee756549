import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Before and after of an audited change, field by field, with changed fields marked. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation("audit");
  if (before == null && after == null) return <Typography.Text type="secondary">{t("noData")}</Typography.Text>;
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    return <pre style={{ margin: 0, whiteSpace: "pre-wrap" }}>{JSON.stringify({ before, after }, null, 2)}</pre>;
  }
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((key) => ({
    key,
    before: show(b[key]),
    after: show(a[key]),
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      rowClassName={(r) => (r.changed ? "dd-diff-changed" : "")}
      columns={[
        { title: t("diff.field"), dataIndex: "key", width: 180, render: (k: string) => <code>{k}</code> },
        {
          title: t("diff.before"),
          dataIndex: "before",
          render: (v: string, r) => (r.changed && v ? <del style={{ color: "#a8071a" }}>{v}</del> : v || "—"),
        },
        {
          title: t("diff.after"),
          dataIndex: "after",
          render: (v: string, r) => (r.changed && v ? <ins style={{ color: "#237804" }}>{v}</ins> : v || "—"),
        },
      ]}
      footer={() => <style>{".dd-diff-changed > td { background: #fffbe6 !important; }"}</style>}
    />
  );
}
