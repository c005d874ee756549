import { List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useMyServiceRecords } from "../api/records.ts";

/** 我的服务记录证明: the records the station issued me, each a PDF to download (and its number to check). */
export function MyServiceRecords() {
  const { t } = useTranslation("volunteers");
  const records = useMyServiceRecords();
  const rows = records.data ?? [];
  if (rows.length === 0) return null;
  return (
    <List mode="card" header={t("m.records.certificates")} data-testid="my-service-records">
      {rows.map((r) => (
        <List.Item
          key={r.id}
          description={
            <div style={{ display: "grid", gap: 2 }}>
              <span>{t("m.records.certificatePeriod", { from: r.periodFrom, to: r.periodTo })}</span>
              <span>{t("m.records.certificateIssued", { station: r.stationName, date: r.issuedAt.slice(0, 10) })}</span>
            </div>
          }
          extra={
            <a
              className="adm-button adm-button-primary adm-button-mini adm-button-shape-default"
              href={r.pdfUrl}
              download={`${r.number}.pdf`}
              style={{ textDecoration: "none" }}
              data-testid={`my-record-pdf-${r.id}`}
            >
              {t("m.records.download")}
            </a>
          }
        >
          <div style={{ fontFamily: "ui-monospace, Menlo, monospace", fontSize: 14 }}>{r.number}</div>
          <div style={{ marginTop: 2 }}>
            <Tag color="success" fill="outline">
              {t("m.records.hours", { hours: r.hours })}
            </Tag>{" "}
            <span className="dd-muted" style={{ fontSize: 13 }}>
              {t("m.records.certificateServices", { count: r.entries })}
            </span>
          </div>
        </List.Item>
      ))}
    </List>
  );
}
