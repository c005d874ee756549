import { Descriptions, Drawer, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useNight } from "../api/nights.ts";
import type { NightReport } from "../api/types.ts";

/** A night's report in full: the entrance counts with their method, and every operator's takings, the unusual flagged. */
export function NightDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation("night-market");
  const night = useNight(id);
  const n = night.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={560} title={n ? `${t("nights.detail")} · ${n.night}` : t("nights.detail")}>
      {n && (
        <>
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: "status",
                label: t("field.status"),
                children: <Tag color={n.status === "closed" ? "green" : "gold"}>{t(`nightStatus.${n.status}`)}</Tag>,
              },
              { key: "weather", label: t("field.weather"), children: n.weather ? t(`weather.${n.weather}`) : "—" },
              { key: "in", label: t("field.visitorsIn"), children: n.visitorsIn ?? "—" },
              { key: "out", label: t("field.visitorsOut"), children: n.visitorsOut ?? "—" },
              { key: "turnover", label: t("field.turnover"), children: formatYuan(n.turnoverFen) },
              { key: "operators", label: t("field.operators"), children: n.operators ?? "—" },
              { key: "closed", label: t("field.closedAt"), children: formatDateTime(n.closedAt) },
              { key: "correction", label: t("field.correction"), children: n.correctionReason ?? "—" },
            ]}
          />
          <Typography.Title level={5}>{t("nights.counts")}</Typography.Title>
          <Table<NightReport["counts"][number]>
            rowKey="entrance"
            size="small"
            pagination={false}
            dataSource={n.counts}
            columns={[
              { title: t("field.entrance"), dataIndex: "entrance" },
              { title: t("field.method"), dataIndex: "method", render: (m: string) => t(`method.${m}`) },
              { title: t("field.visitorsIn"), dataIndex: "visitorsIn", align: "right" },
              { title: t("field.visitorsOut"), dataIndex: "visitorsOut", align: "right" },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("nights.takings")}
          </Typography.Title>
          <Table<NightReport["takings"][number]>
            rowKey="operatorId"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={n.takings}
            columns={[
              { title: t("field.operator"), dataIndex: "operatorName" },
              { title: t("field.amount"), dataIndex: "amountFen", align: "right", render: formatYuan },
              {
                title: t("field.unusual"),
                dataIndex: "unusual",
                render: (u: boolean) => (u ? <Tag color="orange">{t("field.unusual")}</Tag> : "—"),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
