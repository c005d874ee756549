import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, addMonths, stationDate } from "../../../../contracts/calendar.ts";
import { awardCategories, cardIssueSchema, cardStatuses } from "../../../../contracts/caring.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate } from "../../../app/format.ts";
import { formatYuan, yuanToFen } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { downloadPrintedCard } from "../api/download-printed-card.ts";
import { useIssueCard } from "../api/issue-card.ts";
import { type CardListQuery, useCards } from "../api/list-cards.ts";
import { useRevokeCard } from "../api/revoke-card.ts";
import { useSetCardPin } from "../api/set-card-pin.ts";
import type { Card as DiscountCard } from "../api/types.ts";
import { cardStatusColour } from "../components/labels.ts";
import { ResidentSelect } from "../components/resident-select.tsx";
import { StatusTag } from "../components/status-tag.tsx";

interface IssueValues {
  residentId?: number;
  category?: string;
  validity?: [Dayjs, Dayjs] | null;
  monthlyCapYuan?: number | null;
  monthlyCapUses?: number | null;
}

function IssueCardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const issue = useIssueCard();
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      residentId: v.residentId,
      category: v.category,
      validFrom: v.validity?.[0]?.format("YYYY-MM-DD") ?? "",
      validTo: v.validity?.[1]?.format("YYYY-MM-DD") ?? "",
      monthlyCapFen: v.monthlyCapYuan === null || v.monthlyCapYuan === undefined ? null : yuanToFen(v.monthlyCapYuan),
      monthlyCapUses: v.monthlyCapUses ?? null,
    };
    const checked = validateWith(cardIssueSchema, input, form);
    if (!checked.ok) {
      const issues = cardIssueSchema.safeParse(input);
      if (!issues.success && issues.error.issues.some((i) => i.path[0] === "validFrom" || i.path[0] === "validTo"))
        form.setFields([{ name: "validity", errors: [t("validityRequired")] }]);
      return;
    }
    try {
      const card = await issue.mutateAsync(checked.data);
      message.success(t("card.issued", { cardNo: card.cardNo }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  const today = stationDate(new Date());
  return (
    <Modal
      open={open}
      title={t("card.issue")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ "data-testid": "card-issue-ok" } as never}
      confirmLoading={issue.isPending}
      destroyOnHidden
      width={560}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ category: "civilised_resident", validity: [dayjs(today), dayjs(addDays(addMonths(today, 12), -1))] }}
      >
        <Form.Item name="residentId" label={t("field.holder")} required>
          <ResidentSelect testId="card-resident" />
        </Form.Item>
        <Form.Item name="category" label={t("field.category")} required>
          <Select options={awardCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="validity" label={t("field.validity")} required>
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="monthlyCapYuan" label={t("field.monthlyCapFen")} extra={t("card.capHint")}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="monthlyCapUses" label={t("field.monthlyCapUses")} extra={t("card.capHint")}>
            <InputNumber min={1} precision={0} suffix={t("unit.times")} style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 优惠卡: every card the station issued, its month's use, and what staff do with one. */
export default function CardsPage() {
  const stationColumn = useStationColumn<DiscountCard>();
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["status", "category", "stationId"]);
  const stationField = useStationField();
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<DiscountCard | null>(null);
  const [pinFor, setPinFor] = useState<DiscountCard | null>(null);
  const [text, setText] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const revoke = useRevokeCard();
  const setPin = useSetCardPin();
  const query: CardListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as CardListQuery["status"],
    category: list.filters.category as CardListQuery["category"],
    stationId: list.idOf("stationId"),
  };
  const cards = useCards(query);
  const manage = can("caring.manage");

  const closeModals = () => {
    setRevoking(null);
    setPinFor(null);
    setText("");
    setFailure(null);
  };

  const submitRevoke = async () => {
    if (!revoking) return;
    if (text.trim().length < 2) {
      setFailure(t("textRequired"));
      return;
    }
    try {
      await revoke.mutateAsync({ id: revoking.id, reason: text.trim(), version: revoking.version });
      message.success(t("card.revoked"));
      closeModals();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const submitPin = async () => {
    if (!pinFor) return;
    if (!/^\d{6}$/.test(text)) {
      setFailure(t("card.pinRule"));
      return;
    }
    try {
      await setPin.mutateAsync({ id: pinFor.id, pin: text });
      message.success(t("card.pinSet"));
      closeModals();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const download = async (card: DiscountCard) => {
    try {
      await downloadPrintedCard(card.id, card.cardNo);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = useActionsColumn<DiscountCard>(
    (c) =>
      c.status === "active" && (
        <>
          <RowAction onClick={() => download(c)}>{t("card.printed")}</RowAction>
          <RowAction onClick={() => setPinFor(c)}>{t("card.setPin")}</RowAction>
          <RowAction danger onClick={() => setRevoking(c)}>
            {t("card.revoke")}
          </RowAction>
        </>
      ),
    { width: 290, show: manage, rows: cards.data?.items },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("card.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/caring/cards" query={query} name="caring-cards" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="card-issue">
            {t("card.issue")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("card.searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("card.searchPlaceholder")} data-testid="card-search" />,
          },
          selectField(
            "category",
            t("field.category"),
            awardCategories.map((c) => ({ value: c, label: t(`category.${c}`) })),
            { width: 200 },
          ),
          selectField(
            "status",
            t("field.status"),
            cardStatuses.map((s) => ({ value: s, label: t(`cardStatus.${s}`) })),
            { width: 120 },
          ),
          ...stationField,
        ]}
      />
      {cards.isError && <Alert type="error" showIcon title={errorMessage(cards.error)} style={{ marginBottom: 16 }} />}
      <Table<DiscountCard>
        rowKey="id"
        size="middle"
        loading={cards.isFetching}
        dataSource={cards.data?.items ?? []}
        scroll={{ x: 1330 }}
        locale={{ emptyText: <Empty description={t("card.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, cards.data)}
        columns={[
          { title: t("field.cardNo"), dataIndex: "cardNo", width: 150, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          ...stationColumn,
          { title: t("field.holder"), dataIndex: "holderName", width: 100 },
          { title: t("field.category"), dataIndex: "category", width: 160, render: (c: string) => t(`category.${c}`) },
          {
            title: t("field.validity"),
            key: "validity",
            width: 210,
            render: (_: unknown, c) => `${formatDate(c.validFrom)} ~ ${formatDate(c.validTo)}`,
          },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 90,
            render: (s: string, c) => (
              <span title={c.revokedReason ?? undefined}>
                <StatusTag kind="cardStatus" value={s} colours={cardStatusColour} />
              </span>
            ),
          },
          {
            title: t("field.caps"),
            key: "caps",
            width: 180,
            render: (_: unknown, c) =>
              [
                c.monthlyCapFen !== null ? t("card.capYuan", { amount: formatYuan(c.monthlyCapFen) }) : null,
                c.monthlyCapUses !== null ? t("card.capUses", { count: c.monthlyCapUses }) : null,
              ]
                .filter(Boolean)
                .join(" · ") || t("card.noCap"),
          },
          {
            title: t("field.usedThisMonth"),
            key: "used",
            width: 170,
            render: (_: unknown, c) => t("card.used", { count: c.usedThisMonth.uses, amount: formatYuan(c.usedThisMonth.discountFen) }),
          },
          ...actions,
        ]}
      />
      <IssueCardModal open={issuing} onClose={() => setIssuing(false)} />
      <Modal
        open={revoking !== null}
        title={t("card.revokeTitle", { cardNo: revoking?.cardNo ?? "" })}
        onCancel={closeModals}
        onOk={submitRevoke}
        okButtonProps={{ danger: true }}
        okText={t("card.revoke")}
        confirmLoading={revoke.isPending}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <Typography.Text>{t("field.revokeReason")}</Typography.Text>
        <Input.TextArea rows={3} maxLength={500} showCount value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
      <Modal
        open={pinFor !== null}
        title={t("card.pinTitle", { cardNo: pinFor?.cardNo ?? "" })}
        onCancel={closeModals}
        onOk={submitPin}
        okText={t("common:action.save")}
        confirmLoading={setPin.isPending}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{t("card.pinHint")}</Typography.Paragraph>
        <Input.Password maxLength={6} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value.replace(/\D/g, ""))} />
      </Modal>
    </Card>
  );
}
