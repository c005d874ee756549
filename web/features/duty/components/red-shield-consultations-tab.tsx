import { Empty, Input, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { consultationOutcomes, consultationTopics } from "../../../../contracts/duty.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useConsultations } from "../api/red-shield.ts";
import type { Consultation } from "../api/types.ts";
import { outcomeColour } from "./labels.ts";

/** The consultations held at the post, filtered by topic, outcome or merchant. */
export function ConsultationsTab() {
  const stationColumn = useStationColumn<Consultation>();
  const { t } = useTranslation("duty");
  const list = useListParams(["topic", "outcome", "merchantId", "merchantName", "stationId"]);
  const stationField = useStationField();
  const merchantId = list.idOf("merchantId");
  const filters = {
    q: list.q || undefined,
    topic: list.filters.topic as Consultation["topic"] | undefined,
    outcome: list.filters.outcome as Consultation["outcome"] | undefined,
    merchantId,
    stationId: list.idOf("stationId"),
  };
  const consultations = useConsultations({ page: list.page, pageSize: list.pageSize, ...filters });
  const columns: TableColumnsType<Consultation> = [
    {
      title: t("field.date"),
      dataIndex: "date",
      width: 130,
      render: (date: string, c) => (c.sessionId ? <Link to={`/services/red-shield/${c.sessionId}`}>{date}</Link> : date),
    },
    ...stationColumn,
    {
      title: t("rs.merchant"),
      dataIndex: "merchantName",
      width: 200,
      render: (name: string, c) => (
        <Typography.Link onClick={() => list.update({ merchantId: c.merchantId, merchantName: name })} title={t("rs.showHistory")}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t("rs.topic"), dataIndex: "topic", width: 110, render: (v: string) => t(`topic.${v}`) },
    { title: t("rs.summary"), dataIndex: "summary", ellipsis: true },
    {
      title: t("rs.outcome"),
      dataIndex: "outcome",
      width: 100,
      render: (v: string) => <Tag color={outcomeColour[v]}>{t(`outcome.${v}`)}</Tag>,
    },
    { title: t("rs.officer"), dataIndex: "officerName", width: 160, render: (v: string | null) => v ?? "—" },
  ];

  return (
    <>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("rs.searchConsultations"),
            input: <Input allowClear style={{ width: 260 }} placeholder={t("rs.searchConsultations")} data-testid="rs-search" />,
          },
          selectField(
            "topic",
            t("rs.topic"),
            consultationTopics.map((c) => ({ value: c, label: t(`topic.${c}`) })),
          ),
          selectField(
            "outcome",
            t("rs.outcome"),
            consultationOutcomes.map((c) => ({ value: c, label: t(`outcome.${c}`) })),
            { width: 140 },
          ),
          ...stationField,
        ]}
        extra={
          <Space wrap>
            {merchantId && (
              <Tag
                closable
                onClose={() => list.update({ merchantId: undefined, merchantName: undefined })}
                color="red"
                data-testid="rs-merchant-filter"
              >
                {t("rs.historyOf", { name: list.filters.merchantName ?? merchantId })}
              </Tag>
            )}
            <ExportButton path="/api/red-shield/consultations" query={filters} name="red-shield-consultations" />
          </Space>
        }
      />
      <Table<Consultation>
        rowKey="id"
        size="middle"
        loading={consultations.isFetching}
        dataSource={consultations.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("rs.noConsultations")} /> }}
        pagination={{ ...listPagination(t, list, consultations.data), onChange: (page, pageSize) => list.update({ page, pageSize }, true) }}
        scroll={{ x: tableWidth(columns) }}
        columns={columns}
      />
    </>
  );
}
