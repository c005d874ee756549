import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Offer, offerKinds, offerStatuses } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type OfferListQuery, useOffers } from "../api/list-offers.ts";
import { useUpdateOffer } from "../api/update-offer.ts";
import { OfferStatusTag } from "../components/list-tags.tsx";
import { OfferFormModal } from "../components/offer-form-modal.tsx";

export default function OffersPage() {
  const stationColumn = useStationColumn<Offer>();
  const { t } = useTranslation("lists");
  const { message, modal } = App.useApp();
  const can = useCan();
  const me = useMe();
  const list = useListParams(["status", "kind", "stationId"]);
  const stationField = useStationField();
  const [publishing, setPublishing] = useState(false);
  const update = useUpdateOffer();
  const query: OfferListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as OfferListQuery["status"],
    kind: list.filters.kind as OfferListQuery["kind"],
    stationId: list.idOf("stationId"),
  };
  const offers = useOffers(query);
  const mayChange = (o: Offer) => can("offer.write") && (!me.allianceUnitId || me.allianceUnitId === o.unitId);

  const setStatus = (o: Offer, status: Offer["status"]) =>
    modal.confirm({
      title: status === "withdrawn" ? t("offer.withdrawConfirm", { title: o.title }) : t("offer.republishConfirm", { title: o.title }),
      onOk: async () => {
        try {
          await update.mutateAsync({ id: o.id, status, version: o.version });
          message.success(t("common:saved"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const actions = useActionsColumn<Offer>(
    (o) =>
      mayChange(o) &&
      (o.status === "active" ? (
        <RowAction danger onClick={() => setStatus(o, "withdrawn")}>
          {t("offer.withdraw")}
        </RowAction>
      ) : (
        <RowAction onClick={() => setStatus(o, "active")}>{t("offer.republish")}</RowAction>
      )),
    { width: 130, show: can("offer.write"), rows: offers.data?.items },
  );

  const columns: TableColumnsType<Offer> = [
    { title: t("field.title"), dataIndex: "title", width: 220 },
    ...stationColumn,
    { title: t("field.unit"), dataIndex: "unitName", width: 240, ellipsis: true },
    { title: t("field.kind"), dataIndex: "kind", width: 90, render: (k: string) => t(`offerKind.${k}`) },
    {
      title: t("field.amount"),
      dataIndex: "amountFen",
      width: 150,
      align: "right",
      render: (v: number | null) => (v === null ? "—" : formatYuan(v)),
    },
    { title: t("field.status"), dataIndex: "status", width: 90, render: (s: Offer["status"]) => <OfferStatusTag status={s} /> },
    { title: t("field.createdAt"), dataIndex: "createdAt", width: 150, render: formatDateTime },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("offer.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/offers" query={query} name="offers" />
        {can("offer.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
            {t("offer.publish")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="offer-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            offerStatuses.map((s) => ({ value: s, label: t(`offerStatus.${s}`) })),
            { width: 120 },
          ),
          selectField(
            "kind",
            t("field.kind"),
            offerKinds.map((k) => ({ value: k, label: t(`offerKind.${k}`) })),
            { width: 120 },
          ),
          ...stationField,
        ]}
      />
      {offers.isError && <Alert type="error" showIcon title={errorMessage(offers.error)} style={{ marginBottom: 16 }} />}
      <Table<Offer>
        rowKey="id"
        size="middle"
        loading={offers.isFetching}
        dataSource={offers.data?.items ?? []}
        scroll={{ x: tableWidth(columns) + 48 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, offers.data)}
        expandable={{ expandedRowRender: (o) => <div style={{ whiteSpace: "pre-wrap" }}>{o.description}</div> }}
        columns={columns}
      />
      <OfferFormModal open={publishing} onClose={() => setPublishing(false)} />
    </Card>
  );
}
