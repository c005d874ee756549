import { PlusOutlined, WarningOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { mealRecipientCreateSchema } from "../../../../contracts/caring.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { useConfirmDelivery } from "../api/confirm-delivery.ts";
import { useCreateMealRecipient } from "../api/create-meal-recipient.ts";
import { useFlagMissed } from "../api/flag-missed.ts";
import { useMealRecipients } from "../api/list-meal-recipients.ts";
import { useShops } from "../api/list-shops.ts";
import { useMealDay } from "../api/meal-day.ts";
import type { DeliveryDay, MealRecipient } from "../api/types.ts";
import { useUpdateMealRecipient } from "../api/update-meal-recipient.ts";
import { formatWeekdays, weekdayNumbers } from "../components/labels.ts";
import { ResidentSelect } from "../components/resident-select.tsx";

type DeliveryItem = DeliveryDay["items"][number];
const deliveryColour: Record<string, string> = { pending: "gold", delivered: "green", missed: "red" };

function useRestaurants() {
  const shops = useShops({ page: 1, pageSize: 200, category: "restaurant", status: "certified" });
  return shops.data?.items ?? [];
}

function AddRecipientModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ residentId?: number; providerShopId?: number; weekdays?: number[]; note?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const restaurants = useRestaurants();
  const create = useCreateMealRecipient();
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const checked = validateWith(mealRecipientCreateSchema, { ...v, weekdays: v.weekdays ?? [], note: v.note || null }, form);
    if (!checked.ok) return;
    try {
      await create.mutateAsync(checked.data);
      message.success(t("meal.added"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("meal.add")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ weekdays: [1, 2, 3, 4, 5, 6, 7] }}>
        <Form.Item name="residentId" label={t("field.recipient")} required extra={t("meal.recipientHint")}>
          <ResidentSelect elderlyOnly />
        </Form.Item>
        <Form.Item name="providerShopId" label={t("field.restaurant")} required>
          <Select options={restaurants.map((r) => ({ value: r.id, label: r.merchantName }))} notFoundContent={t("meal.noRestaurant")} />
        </Form.Item>
        <Form.Item name="weekdays" label={t("field.weekdays")} required>
          <Checkbox.Group options={weekdayNumbers.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecipientsTab() {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useListParams(["tab", "stationId"]);
  const stationId = list.idOf("stationId");
  const stationColumn = useStationColumn<MealRecipient>();
  const recipients = useMealRecipients(stationId === undefined ? {} : { stationId });
  const update = useUpdateMealRecipient();
  const manage = can("caring.manage");
  const toggle = async (r: MealRecipient, active: boolean) => {
    try {
      await update.mutateAsync({ id: r.id, patch: { active } });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginBottom: 12 }}>
        <StationFilter value={stationId} onChange={(v) => list.update({ stationId: v })} />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/caring/meals/recipients" query={{ stationId }} name="meal-recipients" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("meal.add")}
          </Button>
        )}
      </div>
      {recipients.isError && <Alert type="error" showIcon title={errorMessage(recipients.error)} style={{ marginBottom: 16 }} />}
      <Table<MealRecipient>
        rowKey="id"
        size="middle"
        loading={recipients.isFetching}
        dataSource={recipients.data ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("meal.noRecipients")} /> }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t("common:total", { total }) }}
        columns={[
          { title: t("field.recipient"), dataIndex: "name", width: 110 },
          ...stationColumn,
          { title: t("field.address"), dataIndex: "address", width: 220, ellipsis: true, render: (v: string | null) => v ?? "—" },
          { title: t("field.restaurant"), dataIndex: "providerName", width: 200, ellipsis: true },
          { title: t("field.weekdays"), dataIndex: "weekdays", width: 220, render: (d: number[]) => formatWeekdays(d) },
          {
            title: t("field.active"),
            dataIndex: "active",
            width: 90,
            render: (active: boolean, r) =>
              manage ? (
                <Switch size="small" checked={active} onChange={(v) => toggle(r, v)} />
              ) : (
                <Tag color={active ? "green" : "default"}>{active ? t("meal.active") : t("meal.paused")}</Tag>
              ),
          },
        ]}
      />
      <AddRecipientModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function DayTab() {
  const { t } = useTranslation("caring");
  const { message, modal } = App.useApp();
  const list = useListParams(["tab", "date", "stationId"]);
  const today = stationDate(new Date());
  const date = list.filters.date ?? today;
  const stationId = list.idOf("stationId");
  const stationColumn = useStationColumn<DeliveryItem>();
  const day = useMealDay(date, stationId);
  const confirm = useConfirmDelivery();
  const flag = useFlagMissed();
  const items = day.data?.items ?? [];
  const count = (s: string) => items.filter((i) => i.status === s).length;
  const isToday = date === today;

  const mark = async (item: DeliveryItem, status: "delivered" | "missed") => {
    try {
      await confirm.mutateAsync({ recipientId: item.recipientId, date, status, note: null });
      message.success(t(`delivery.done.${status}`, { name: item.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = useActionsColumn<DeliveryItem>(
    (i) =>
      i.status === "pending" && (
        <>
          <RowAction onClick={() => mark(i, "delivered")}>{t("delivery.delivered")}</RowAction>
          <RowAction danger onClick={() => mark(i, "missed")}>
            {t("delivery.missed")}
          </RowAction>
        </>
      ),
    { width: 210 },
  );

  const flagMissed = () =>
    modal.confirm({
      title: t("delivery.flagMissed"),
      content: t("delivery.flagConfirm", { count: count("pending") }),
      okText: t("common:action.confirm"),
      cancelText: t("common:action.cancel"),
      onOk: async () => {
        try {
          const result = await flag.mutateAsync(stationId);
          message.success(t("delivery.flagged", { count: result.marked }));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  return (
    <>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 24, alignItems: "center", marginBottom: 16 }}>
        <Space wrap>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            aria-label={t("field.date")}
            onChange={(d) => d && list.update({ date: d.format("YYYY-MM-DD") === today ? undefined : d.format("YYYY-MM-DD") })}
          />
          <StationFilter value={stationId} onChange={(v) => list.update({ stationId: v })} />
        </Space>
        <Statistic title={t("delivery.status.delivered")} value={count("delivered")} valueStyle={{ color: "#389e0d" }} />
        <Statistic title={t("delivery.status.missed")} value={count("missed")} valueStyle={{ color: "#cf1322" }} />
        <Statistic title={t("delivery.status.pending")} value={count("pending")} valueStyle={{ color: "#d48806" }} />
        <div style={{ flex: 1 }} />
        {isToday && (
          <Button danger icon={<WarningOutlined />} onClick={flagMissed} disabled={count("pending") === 0} loading={flag.isPending}>
            {t("delivery.flagMissed")}
          </Button>
        )}
      </div>
      {day.isError && <Alert type="error" showIcon title={errorMessage(day.error)} style={{ marginBottom: 16 }} />}
      <Table<DeliveryItem>
        rowKey="recipientId"
        size="middle"
        loading={day.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("delivery.empty")} /> }}
        columns={[
          { title: t("field.recipient"), dataIndex: "name", width: 110 },
          ...stationColumn,
          { title: t("field.address"), dataIndex: "address", width: 220, ellipsis: true, render: (v: string | null) => v ?? "—" },
          { title: t("field.restaurant"), dataIndex: "providerName", width: 200, ellipsis: true },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 100,
            render: (s: string) => <Tag color={deliveryColour[s]}>{t(`delivery.status.${s}`)}</Tag>,
          },
          {
            title: t("field.confirmedBy"),
            key: "by",
            width: 200,
            render: (_: unknown, i) => (i.confirmedBy ? `${i.confirmedBy} · ${formatDateTime(i.at)}` : "—"),
          },
          ...actions,
        ]}
      />
    </>
  );
}

/** 爱心餐: who receives meals from which caring restaurant on which days, and each day's deliveries. */
export default function MealsPage() {
  const { t } = useTranslation("caring");
  const list = useListParams(["tab"]);
  const tab = list.filters.tab ?? "day";
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("meal.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ tab: key === "day" ? undefined : key, date: undefined })}
        items={[
          { key: "day", label: t("meal.tabDay"), children: tab === "day" ? <DayTab /> : null },
          { key: "recipients", label: t("meal.tabRecipients"), children: tab === "recipients" ? <RecipientsTab /> : null },
        ]}
      />
    </Card>
  );
}
