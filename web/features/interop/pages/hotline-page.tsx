// 12345 工单: the station's work orders from the hotline with their time limits and steps, the rates as the hotline
// computes them, and the map from the hotline's categories to the problem categories.
import { UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Empty, Input, Row, Select, Statistic, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type HotlineCategoryMapping,
  type HotlineOrder,
  hotlineOrderStatuses,
  hotlineSheetColumns,
} from "../../../../contracts/interop.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ImportModal } from "../../../components/import-modal.tsx";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import {
  useCategoryMap,
  useHotlineAction,
  useHotlineFigures,
  useHotlineOrders,
  useMapCategory,
  useProblemCategories,
} from "../api/hotline.ts";
import { HotlineActionModal, type WordedAction } from "../components/hotline-action-modal.tsx";

const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const statusColour: Record<string, string> = {
  received: "gold",
  signed_off: "blue",
  returned: "default",
  replied: "green",
  visited: "purple",
};

function Figures() {
  const { t } = useTranslation("interop");
  const figures = useHotlineFigures({});
  const f = figures.data;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col span={8}>
        <Card size="small">
          <Statistic title={t("hotline.figures.responseRate")} value={percent(f?.responseRate ?? null)} loading={figures.isLoading} />
          <Typography.Text type="secondary">
            {f && t("hotline.figures.responseOf", { n: f.signedOffInTime, total: f.received })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small">
          <Statistic title={t("hotline.figures.resolutionRate")} value={percent(f?.resolutionRate ?? null)} loading={figures.isLoading} />
          <Typography.Text type="secondary">
            {f && t("hotline.figures.resolutionOf", { n: f.replied, total: f.received - f.returned })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small">
          <Statistic
            title={t("hotline.figures.satisfactionRate")}
            value={percent(f?.satisfactionRate ?? null)}
            loading={figures.isLoading}
          />
          <Typography.Text type="secondary">
            {f && t("hotline.figures.satisfactionOf", { satisfied: f.satisfied, basically: f.basicallySatisfied, total: f.visited })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function Orders() {
  const { t } = useTranslation("interop");
  const { message, modal } = App.useApp();
  const list = useListParams(["status"]);
  const query = useHotlineOrders({
    q: list.q || undefined,
    status: list.filters.status as HotlineOrder["status"] | undefined,
    page: list.page,
    pageSize: list.pageSize,
  });
  const act = useHotlineAction();
  const [worded, setWorded] = useState<{ order: HotlineOrder; action: WordedAction } | null>(null);

  const signOff = (o: HotlineOrder) =>
    modal.confirm({
      title: t("hotline.signOffConfirm", { number: o.orderNumber }),
      onOk: async () => {
        try {
          await act.mutateAsync({ id: o.id, input: { action: "sign_off", version: o.version } });
          message.success(t("hotline.done.sign_off"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const actions = useActionsColumn<HotlineOrder>(
    (o) => (
      <>
        {o.status === "received" && <RowAction onClick={() => signOff(o)}>{t("hotline.action.sign_off")}</RowAction>}
        {(o.status === "received" || o.status === "signed_off") && (
          <RowAction danger onClick={() => setWorded({ order: o, action: "return" })}>
            {t("hotline.action.return")}
          </RowAction>
        )}
        {o.status === "signed_off" && o.extensionDays === null && (
          <RowAction onClick={() => setWorded({ order: o, action: "extend" })}>{t("hotline.action.extend")}</RowAction>
        )}
        {o.status === "signed_off" && (
          <RowAction onClick={() => setWorded({ order: o, action: "reply" })}>{t("hotline.action.reply")}</RowAction>
        )}
        {o.status === "replied" && (
          <RowAction onClick={() => setWorded({ order: o, action: "visit" })}>{t("hotline.action.visit")}</RowAction>
        )}
      </>
    ),
    { width: 140 },
  );
  const columns = [
    { title: t("hotline.field.orderNumber"), dataIndex: "orderNumber", width: 150 },
    {
      title: t("hotline.field.problem"),
      key: "problem",
      width: 160,
      ellipsis: true,
      render: (_: unknown, o: HotlineOrder) => <Link to={`/problems/${o.problemId}`}>{o.problemTitle}</Link>,
    },
    { title: t("hotline.field.category"), dataIndex: "hotlineCategory", width: 100, ellipsis: true },
    {
      title: t("hotline.field.signOffDueAt"),
      key: "signOff",
      width: 165,
      render: (_: unknown, o: HotlineOrder) => (
        <>
          {formatDateTime(o.signOffDueAt)} {o.signedOffLate && <Tag color="red">{t("hotline.late")}</Tag>}
        </>
      ),
    },
    { title: t("hotline.field.replyDueAt"), dataIndex: "replyDueAt", width: 140, render: (v: string) => formatDateTime(v) },
    {
      title: t("hotline.field.status"),
      key: "status",
      width: 140,
      render: (_: unknown, o: HotlineOrder) => (
        <>
          <Tag color={statusColour[o.status]}>{t(`hotline.status.${o.status}`)}</Tag>
          {o.satisfaction && <Tag>{t(`hotline.satisfaction.${o.satisfaction}`)}</Tag>}
        </>
      ),
    },
    {
      title: t("hotline.field.feedback"),
      key: "feedback",
      width: 100,
      render: (_: unknown, o: HotlineOrder) =>
        o.feedbackFailed > 0 ? (
          <Tag color="red">{t("hotline.feedbackFailed", { n: o.feedbackFailed })}</Tag>
        ) : o.feedbackPending > 0 ? (
          <Tag color="gold">{t("hotline.feedbackPending", { n: o.feedbackPending })}</Tag>
        ) : (
          <Tag color="green">{t("hotline.feedbackSent")}</Tag>
        ),
    },
    ...actions,
  ];
  return (
    <>
      <Figures />
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("hotline.search"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("hotline.search")} />,
          },
          selectField(
            "status",
            t("hotline.field.status"),
            hotlineOrderStatuses.map((s) => ({ value: s, label: t(`hotline.status.${s}`) })),
            { width: 130 },
          ),
        ]}
      />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<HotlineOrder>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("hotline.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
      />
      <HotlineActionModal order={worded?.order ?? null} action={worded?.action ?? null} onClose={() => setWorded(null)} />
    </>
  );
}

function CategoryMap() {
  const { t, i18n } = useTranslation("interop");
  const { message } = App.useApp();
  const can = useCan();
  const map = useCategoryMap();
  const categories = useProblemCategories();
  const save = useMapCategory();
  const options = (categories.data ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.code, label: i18n.language === "en" ? c.nameEn : c.name }));
  const columns = [
    { title: t("hotline.field.hotlineCategory"), dataIndex: "hotlineCategory", width: 200 },
    {
      title: t("hotline.field.problemCategory"),
      key: "categoryCode",
      width: 240,
      render: (_: unknown, m: HotlineCategoryMapping) =>
        can("category.manage") ? (
          <Select
            style={{ width: 200 }}
            value={m.categoryCode ?? undefined}
            placeholder={t("hotline.unmapped")}
            options={options}
            aria-label={t("hotline.field.problemCategory")}
            onChange={async (categoryCode: string) => {
              try {
                await save.mutateAsync({ hotlineCategory: m.hotlineCategory, categoryCode });
                message.success(t("hotline.mapped"));
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          />
        ) : (
          (options.find((o) => o.value === m.categoryCode)?.label ?? <Tag color="red">{t("hotline.unmapped")}</Tag>)
        ),
    },
    { title: t("hotline.field.unmappedOrders"), dataIndex: "unmappedOrders", width: 140, align: "right" as const },
    { title: t("hotline.field.updatedAt"), dataIndex: "updatedAt", width: 150, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t("hotline.mapIntro")}</Typography.Paragraph>
      <Table<HotlineCategoryMapping>
        rowKey="id"
        size="middle"
        loading={map.isFetching}
        dataSource={map.data ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        pagination={false}
        locale={{ emptyText: <Empty description={t("hotline.mapEmpty")} /> }}
      />
    </>
  );
}

export default function HotlinePage() {
  const { t } = useTranslation("interop");
  const client = useQueryClient();
  const [importing, setImporting] = useState(false);
  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", marginBottom: 4 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("hotline.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t("hotline.import")}
        </Button>
      </div>
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => client.invalidateQueries({ queryKey: ["hotline"] })}
        title={t("hotline.importTitle")}
        columns={hotlineSheetColumns}
        uploadPath="/api/hotline-orders/imports"
        templatePath="/api/hotline/import-template"
        templateName="hotline-orders-template.xlsx"
      />
      <Tabs
        items={[
          { key: "orders", label: t("hotline.tab.orders"), children: <Orders /> },
          { key: "map", label: t("hotline.tab.map"), children: <CategoryMap /> },
        ]}
      />
    </Card>
  );
}
