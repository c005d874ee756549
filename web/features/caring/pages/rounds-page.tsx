import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Form, InputNumber, Modal, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import { awardCategories, roundCreateSchema, roundStatuses } from "../../../../contracts/caring.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { useCreateRound } from "../api/create-round.ts";
import { type RoundListQuery, useRounds } from "../api/list-rounds.ts";
import type { Round } from "../api/types.ts";
import { roundStatusColour } from "../components/labels.ts";
import { StatusTag } from "../components/status-tag.tsx";

interface Values {
  category?: string;
  month?: Dayjs | null;
  publicityDays?: number;
  cardValidMonths?: number;
}

function CreateRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateRound();

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      category: v.category,
      month: v.month ? v.month.format("YYYY-MM") : "",
      publicityDays: v.publicityDays,
      cardValidMonths: v.cardValidMonths,
    };
    const checked = validateWith(roundCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      const round = await create.mutateAsync(checked.data);
      message.success(t("round.created"));
      onClose();
      navigate(`/caring/rounds/${round.id}`);
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t("round.create")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ "data-testid": "round-create-ok" } as never}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ month: dayjs(stationDate(new Date())), publicityDays: 5, cardValidMonths: 12, category: "civilised_resident" }}
      >
        <Form.Item name="category" label={t("field.category")} required>
          <Select options={awardCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="month" label={t("field.month")} required>
          <DatePicker picker="month" style={{ width: "100%" }} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="publicityDays" label={t("field.publicityDays")} required>
            <InputNumber min={1} max={30} suffix={t("unit.days")} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="cardValidMonths" label={t("field.cardValidMonths")} required>
            <InputNumber min={1} max={24} suffix={t("unit.months")} style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 评选: the monthly rounds by category, newest first. */
export default function RoundsPage() {
  const stationColumn = useStationColumn<Round>();
  const { t } = useTranslation("caring");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["category", "status", "stationId"]);
  const stationField = useStationField();
  const [creating, setCreating] = useState(false);
  const query: RoundListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    category: list.filters.category as RoundListQuery["category"],
    status: list.filters.status as RoundListQuery["status"],
    stationId: list.idOf("stationId"),
  };
  const rounds = useRounds(query);

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("round.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/caring/rounds" query={query} name="caring-rounds" />
        {can("caring.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
            {t("round.create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={list.filters}
        onSearch={list.search}
        fields={[
          selectField(
            "category",
            t("field.category"),
            awardCategories.map((c) => ({ value: c, label: t(`category.${c}`) })),
            { width: 200 },
          ),
          selectField(
            "status",
            t("field.status"),
            roundStatuses.map((s) => ({ value: s, label: t(`roundStatus.${s}`) })),
            { width: 140 },
          ),
          ...stationField,
        ]}
      />
      {rounds.isError && <Alert type="error" showIcon title={errorMessage(rounds.error)} style={{ marginBottom: 16 }} />}
      <Table<Round>
        rowKey="id"
        size="middle"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("round.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/caring/rounds/${r.id}`) })}
        pagination={listPagination(t, list, rounds.data)}
        columns={[
          {
            title: t("field.month"),
            dataIndex: "month",
            width: 110,
            render: (m: string, r) => <Link to={`/caring/rounds/${r.id}`}>{m}</Link>,
          },
          ...stationColumn,
          {
            title: t("field.category"),
            dataIndex: "category",
            width: 180,
            render: (c: string, r) => <Link to={`/caring/rounds/${r.id}`}>{t(`category.${c}`)}</Link>,
          },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 110,
            render: (s: string) => <StatusTag kind="roundStatus" value={s} colours={roundStatusColour} />,
          },
          {
            title: t("field.nominations"),
            key: "nominations",
            width: 140,
            render: (_: unknown, r) =>
              t("round.nominationCount", {
                count: r.nominations.length,
                winners: r.nominations.filter((n) => n.status === "winner").length,
              }),
          },
          {
            title: t("field.publicity"),
            key: "publicity",
            width: 220,
            render: (_: unknown, r) =>
              r.publicityFrom
                ? `${formatDate(r.publicityFrom)} ~ ${formatDate(r.publicityUntil)}`
                : t("round.publicityDays", { days: r.publicityDays }),
          },
          { title: t("field.createdAt"), dataIndex: "createdAt", width: 130, render: formatDate },
        ]}
      />
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
