import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Offer, offerKinds, offerStatuses } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { useStationColumn } from "../../../components/station-filter.tsx";
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
  const list = useListParams(["status", "kind"]);
  const [search, setSearch] = useState(list.q);
  const [publishing, setPublishing] = useState(false);
  const update = useUpdateOffer();
  const query: OfferListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as OfferListQuery["status"],
    kind: list.filters.kind as OfferListQuery["kind"],
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

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("offer.title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => list.update({ q: value.trim() })}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("field.status")}
          value={query.status}
          onChange={(value) => list.update({ status: value })}
          options={offerStatuses.map((s) => ({ value: s, label: t(`offerStatus.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("field.kind")}
          value={query.kind}
          onChange={(value) => list.update({ kind: value })}
          options={offerKinds.map((k) => ({ value: k, label: t(`offerKind.${k}`) }))}
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/offers" query={query} name="offers" />
        {can("offer.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
            {t("offer.publish")}
          </Button>
        )}
      </div>
      {offers.isError && <Alert type="error" showIcon title={errorMessage(offers.error)} style={{ marginBottom: 16 }} />}
      <Table<Offer>
        rowKey="id"
        size="middle"
        loading={offers.isFetching}
        dataSource={offers.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: offers.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        expandable={{ expandedRowRender: (o) => <div style={{ whiteSpace: "pre-wrap" }}>{o.description}</div> }}
        columns={[
          { title: t("field.title"), dataIndex: "title" },
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
          {
            title: t("common:actions"),
            key: "actions",
            width: 100,
            render: (_: unknown, o) =>
              mayChange(o) ? (
                o.status === "active" ? (
                  <Button type="link" size="small" danger onClick={() => setStatus(o, "withdrawn")}>
                    {t("offer.withdraw")}
                  </Button>
                ) : (
                  <Button type="link" size="small" onClick={() => setStatus(o, "active")}>
                    {t("offer.republish")}
                  </Button>
                )
              ) : null,
          },
        ]}
      />
      <OfferFormModal open={publishing} onClose={() => setPublishing(false)} />
    </Card>
  );
}
