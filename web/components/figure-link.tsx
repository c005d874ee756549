// A figure's value as a link to where it comes from: clicking it opens a drawer with the figure's definition, its
// citation (scope, period, computed at, record count, the record set's hash) and its records, paged, with the
// count and the sum that give the value back. Every number the console shows from the dictionary goes through it.
import { Descriptions, Drawer, Skeleton, Table, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatAmount, formatFigure, shortHash } from "../../contracts/figure-format.ts";
import type { FigureDefinitionInfo, FigureValue } from "../../contracts/figures.ts";
import { formatDateTime } from "../app/format.ts";
import { useCan } from "../app/session.tsx";
import { useFigureDefinitions, useFigureRecords, useFigureValues } from "../features/figures/api/figures.ts";

export interface FigureLinkProps {
  id: string;
  /** The value when the page has it already (the dictionary page); otherwise it is asked for. */
  value?: FigureValue;
  scope?: string;
  period?: string;
  /** What to show in place of the formatted value (a page's own big number). */
  children?: ReactNode;
}

const ragColour = { green: "green", yellow: "gold", red: "red" } as const;

export function useFigureText() {
  const { i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  return (v: number | null, d: FigureDefinitionInfo | undefined) =>
    d ? formatFigure(v, d.unit, { language, unitLabel: d.unitLabel[language] }) : v === null ? "—" : String(v);
}

export function FigureLink(props: FigureLinkProps) {
  const can = useCan();
  // A reader without the dictionary (a branch secretary on the funnel) sees the page's own number, not a link.
  if (!can("figure.read")) return <>{props.children ?? "—"}</>;
  return <ReadableFigureLink {...props} />;
}

function ReadableFigureLink({ id, value, scope, period, children }: FigureLinkProps) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const defs = useFigureDefinitions();
  const asked = useFigureValues({ scope, period, ids: [id] }, value === undefined);
  const v = value ?? asked.data?.[0];
  const d = defs.data?.find((x) => x.id === id);
  const text = useFigureText();
  return (
    <>
      <Typography.Link
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={`figure-link-${id}`}
        data-from={v?.citation.from}
        style={{ color: "inherit", fontSize: "inherit", lineHeight: "inherit", borderBottom: "1px dashed currentColor" }}
        title={d?.name[i18n.language === "en" ? "en" : "zh-CN"]}
      >
        {children ?? (v ? text(v.value, d) : "…")}
      </Typography.Link>
      {open && (
        <FigureDrawer id={id} definition={d} value={v} scope={scope ?? v?.citation.scope} period={period} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function FigureDrawer({
  id,
  definition: d,
  value: v,
  scope,
  period,
  onClose,
}: {
  id: string;
  definition: FigureDefinitionInfo | undefined;
  value: FigureValue | undefined;
  scope?: string;
  period?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation("figures");
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const records = useFigureRecords(id, {
    scope,
    period: period ?? (v ? `${v.citation.from}..${v.citation.to}` : undefined),
    page,
    pageSize,
  });
  const r = records.data;
  const text = useFigureText();
  const value = r?.value ?? v;
  const unit = d?.unit ?? "count";
  const howAdded = () => {
    if (!r || !d || !value) return null;
    const sum = formatAmount(r.amountSum, unit, language);
    if (d.aggregate === "count") return t("drawer.howCount", { count: r.total });
    if (d.aggregate === "sum") return t("drawer.howSum", { count: r.total, sum });
    if (d.aggregate === "avg") return t("drawer.howAvg", { count: r.total, sum });
    return t("drawer.howShare", { count: r.total, nonZero: r.nonZero });
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={
        <span>
          {d?.name[language] ?? id}
          {value && <span style={{ marginLeft: 12, fontWeight: 600 }}>{text(value.value, d)}</span>}
          {value?.rag && (
            <Tag color={ragColour[value.rag]} style={{ marginLeft: 8 }}>
              {t(`rag.${value.rag}`)}
            </Tag>
          )}
        </span>
      }
      data-testid="figure-drawer"
    >
      {d && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {d.definition[language]}
        </Typography.Paragraph>
      )}
      {value && (
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} data-testid="figure-citation">
          <Descriptions.Item label={t("citation.figure")}>{value.id}</Descriptions.Item>
          <Descriptions.Item label={t("citation.scope")}>{value.citation.scope}</Descriptions.Item>
          <Descriptions.Item label={t("citation.period")}>
            {value.citation.from} — {value.citation.to}
          </Descriptions.Item>
          <Descriptions.Item label={t("citation.computedAt")}>{formatDateTime(value.citation.computedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("citation.records")}>{value.citation.recordCount}</Descriptions.Item>
          <Descriptions.Item label={t("citation.hash")}>
            <Typography.Text code copyable={{ text: value.citation.recordSetHash }}>
              {shortHash(value.citation.recordSetHash)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      {r && (
        <Typography.Paragraph strong data-testid="figure-how">
          {howAdded()}
        </Typography.Paragraph>
      )}
      {records.isLoading ? (
        <Skeleton active />
      ) : (
        <Table
          size="small"
          rowKey="ref"
          dataSource={r?.items ?? []}
          data-testid="figure-records"
          pagination={{
            current: page,
            pageSize,
            total: r?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: t("records.label"),
              dataIndex: "label",
              ellipsis: { showTitle: true },
              render: (label: string, row) => (row.link ? <Link to={row.link}>{label}</Link> : label),
            },
            { title: t("records.date"), dataIndex: "date", width: 120 },
            ...(d?.aggregate === "count"
              ? []
              : [
                  {
                    title: t("records.amount"),
                    dataIndex: "amount",
                    width: 140,
                    align: "right" as const,
                    render: (a: number | null) => formatAmount(a, unit, language),
                  },
                ]),
          ]}
        />
      )}
    </Drawer>
  );
}
