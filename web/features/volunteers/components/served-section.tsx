// 服务对象 on the occurrence's page: the people served by kind of the taking-part teams' service menus, recorded by the
// station's staff once the activity took place; an entry naming a merchant or resident waits for their confirmation
// and may be taken back until then.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Popconfirm, Segmented, Select, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_SERVED_COUNT, servedCreateSchema } from "../../../../contracts/volunteers.ts";
import { useMerchants } from "../../../api/list-merchants.ts";
import { useResidents } from "../../../api/list-residents.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useRecordServed, useRemoveServed } from "../api/served.ts";
import { useTeams } from "../api/teams.ts";
import type { OccurrenceDetail, Served } from "../api/types.ts";

type Beneficiary = "none" | "merchant" | "resident";
interface Values {
  entries: { kind?: string; count?: number | null; merchantId?: number; residentId?: number; note?: string }[];
}

/** A merchant or resident of the station, searched by name. */
function PersonSelect({
  kind,
  stationId,
  value,
  onChange,
}: {
  kind: "merchant" | "resident";
  stationId: number;
  value?: number;
  onChange?: (v?: number) => void;
}) {
  const { t } = useTranslation("volunteers");
  const [q, setQ] = useState("");
  const merchants = useMerchants({ q: q || undefined, stationId, pageSize: 20 });
  const residents = useResidents({ q: q || undefined, stationId, pageSize: 20 });
  const rows = kind === "merchant" ? merchants.data?.items : residents.data?.items;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t(kind === "merchant" ? "served.pickMerchant" : "served.pickResident")}
      loading={kind === "merchant" ? merchants.isFetching : residents.isFetching}
      options={(rows ?? []).map((r) => ({ value: r.id, label: r.name }))}
      data-testid="served-person"
    />
  );
}

function RecordModal({ o, open, onClose }: { o: OccurrenceDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [who, setWho] = useState<Beneficiary>("none");
  const [failure, setFailure] = useState<string | null>(null);
  const teams = useTeams(o.stationId);
  const record = useRecordServed();
  const taking = new Set(o.teams.map((x) => x.teamId));
  const options = (teams.data ?? [])
    .filter((team) => taking.has(team.id) && team.serviceMenu.length > 0)
    .map((team) => ({
      label: team.name,
      options: team.serviceMenu.map((m) => ({ value: `${team.id}:${m.kind}`, label: m.name })),
    }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setWho("none");
    setFailure(null);
  }, [open, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as Values;
    const e = v.entries?.[0] ?? {};
    const [teamId, kind] = (e.kind ?? ":").split(/:(.*)/s);
    const entry = {
      ...(teamId ? { teamId: Number(teamId) } : {}),
      kind: kind ?? "",
      count: e.count ?? undefined,
      ...(who === "merchant" && e.merchantId ? { merchantId: e.merchantId } : {}),
      ...(who === "resident" && e.residentId ? { residentId: e.residentId } : {}),
      ...(e.note?.trim() ? { note: e.note.trim() } : {}),
    };
    const checked = validateWith(servedCreateSchema, { entries: [entry] }, form);
    if (!checked.ok) return;
    try {
      await record.mutateAsync({ occurrenceId: o.id, input: checked.data });
      message.success(t("served.saved"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t("served.recordTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("served.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={record.isPending}
      okButtonProps={{ "data-testid": "served-save" } as never}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ entries: [{ count: 1 }] }}>
        <Form.Item name={["entries", 0, "kind"]} label={t("served.kind")} required>
          <Select options={options} placeholder={t("served.pickKind")} loading={teams.isPending} data-testid="served-kind" />
        </Form.Item>
        <Form.Item
          name={["entries", 0, "count"]}
          label={t("served.count")}
          required
          extra={t("served.countHint", { max: MAX_SERVED_COUNT })}
        >
          <InputNumber min={1} max={MAX_SERVED_COUNT} precision={0} style={{ width: 160 }} data-testid="served-count" />
        </Form.Item>
        <Form.Item label={t("served.beneficiary")} extra={t("served.beneficiaryHint")}>
          <Segmented<Beneficiary>
            value={who}
            onChange={setWho}
            options={(["none", "merchant", "resident"] as const).map((k) => ({ value: k, label: t(`served.who.${k}`) }))}
            data-testid="served-who"
          />
        </Form.Item>
        {who !== "none" && (
          <Form.Item name={["entries", 0, who === "merchant" ? "merchantId" : "residentId"]} label={t(`served.who.${who}`)}>
            <PersonSelect kind={who} stationId={o.stationId} />
          </Form.Item>
        )}
        <Form.Item name={["entries", 0, "note"]} label={t("served.note")}>
          <Input maxLength={200} placeholder={t("served.notePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 服务对象: the people served of one occurrence, with their total, recorded and taken back by the station's staff. */
export function ServedSection({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const can = useCan();
  const remove = useRemoveServed();
  const [recording, setRecording] = useState(false);
  const manage = can("volunteer.manage");
  const held = o.status === "open" && Date.now() >= Date.parse(o.endsAt);
  const total = useMemo(() => o.served.reduce((n, s) => n + s.count, 0), [o.served]);
  const takeBack = async (s: Served) => {
    try {
      await remove.mutateAsync(s.id);
      message.success(t("served.removed"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const actions = useActionsColumn<Served>(
    (s) =>
      s.confirmedAt === null && (
        <Popconfirm
          title={t("served.removeConfirm")}
          onConfirm={() => takeBack(s)}
          okText={t("served.remove")}
          cancelText={t("common:action.cancel")}
        >
          <RowAction danger data-testid={`served-remove-${s.id}`}>
            {t("served.remove")}
          </RowAction>
        </Popconfirm>
      ),
    { width: 80, show: manage },
  );

  return (
    <section data-testid="served-section" style={{ marginTop: 24 }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("served.title")}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="served-total">
          {t("served.total", { count: total, entries: o.served.length })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {manage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            disabled={!held}
            title={held ? undefined : t("served.notHeld")}
            data-testid="served-record"
          >
            {t("served.record")}
          </Button>
        )}
      </div>
      <Table<Served>
        rowKey="id"
        size="middle"
        dataSource={o.served}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={held ? t("served.empty") : t("served.notHeld")} /> }}
        data-testid="served-table"
        columns={[
          { title: t("served.kind"), dataIndex: "kindName", width: 140 },
          { title: t("field.team"), dataIndex: "teamName", width: 170, ellipsis: true },
          { title: t("served.count"), dataIndex: "count", width: 80, align: "right" },
          {
            title: t("served.beneficiary"),
            key: "who",
            width: 170,
            render: (_: unknown, s: Served) =>
              s.merchantName ? (
                <span>
                  <Tag>{t("served.who.merchant")}</Tag>
                  {s.merchantName}
                </span>
              ) : s.residentName ? (
                <span>
                  <Tag>{t("served.who.resident")}</Tag>
                  {s.residentName}
                </span>
              ) : (
                "—"
              ),
          },
          {
            title: t("served.confirmation"),
            dataIndex: "confirmedAt",
            width: 130,
            render: (v: string | null, s: Served) =>
              s.merchantId === null && s.residentId === null ? (
                <Typography.Text type="secondary">{t("served.noConfirmation")}</Typography.Text>
              ) : v ? (
                <Tag color="green" title={formatDateTime(v)}>
                  {t("served.confirmed")}
                </Tag>
              ) : (
                <Tag color="gold">{t("served.toConfirm")}</Tag>
              ),
          },
          { title: t("served.note"), dataIndex: "note", ellipsis: true, render: (v: string | null) => v ?? "—" },
          {
            title: t("served.recordedBy"),
            key: "recorded",
            width: 150,
            render: (_: unknown, s: Served) => (
              <div style={{ lineHeight: 1.3 }}>
                <div>{s.recordedBy}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.recordedAt)}
                </Typography.Text>
              </div>
            ),
          },
          ...actions,
        ]}
      />
      <RecordModal o={o} open={recording} onClose={() => setRecording(false)} />
    </section>
  );
}
