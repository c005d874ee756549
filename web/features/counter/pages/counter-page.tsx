import { NotificationOutlined, UserAddOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { weekdayOf } from "../../../../contracts/calendar.ts";
import { type ServiceRequest, walkInCreateSchema } from "../../../../contracts/counter.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useCallNext, useRequestAction, useWalkIn } from "../api/counter-actions.ts";
import { useCounterDay } from "../api/counter-day.ts";
import { useServiceItems } from "../api/list-items.ts";
import { ApplicantSelect } from "../components/applicant-select.tsx";
import { StatusTag } from "../components/labels.tsx";

type Kind = "merchant" | "resident" | "other";

function WalkInModal({ open, onClose, stationId }: { open: boolean; onClose: () => void; stationId?: number }) {
  const { t } = useTranslation("counter");
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    itemId?: number;
    merchantId?: number;
    residentId?: number;
    name?: string;
    mobile?: string;
    note?: string;
  }>();
  const [kind, setKind] = useState<Kind>("resident");
  const [failure, setFailure] = useState<string | null>(null);
  const items = useServiceItems({ page: 1, pageSize: 100, active: "true", stationId });
  const walkIn = useWalkIn();
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      itemId: v.itemId,
      merchantId: kind === "merchant" ? (v.merchantId ?? null) : null,
      residentId: kind === "resident" ? (v.residentId ?? null) : null,
      name: kind === "other" ? v.name || null : null,
      mobile: kind === "other" ? v.mobile || null : null,
      note: v.note || null,
    };
    if (kind === "merchant" && !input.merchantId) return form.setFields([{ name: "merchantId", errors: [t("walkIn.pickMerchant")] }]);
    if (kind === "resident" && !input.residentId) return form.setFields([{ name: "residentId", errors: [t("walkIn.pickResident")] }]);
    const checked = validateWith(walkInCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      const created = await walkIn.mutateAsync(checked.data);
      message.success(t("walkIn.done", { no: created.queueNo }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  const options = (items.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.code} ${i.name}`,
    title: i.unitName,
    audience: i.audience,
  }));
  return (
    <Modal
      open={open}
      title={t("walkIn.title")}
      onCancel={onClose}
      onOk={submit}
      okText={t("walkIn.issue")}
      okButtonProps={{ "data-testid": "walk-in-ok" } as never}
      confirmLoading={walkIn.isPending}
      destroyOnHidden
      width={560}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="itemId" label={t("field.item")} required>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options}
            data-testid="walk-in-item"
            placeholder={t("walkIn.pickItem")}
          />
        </Form.Item>
        <Form.Item label={t("walkIn.applicant")} required>
          <Segmented<Kind>
            value={kind}
            onChange={setKind}
            options={(["resident", "merchant", "other"] as const).map((k) => ({ value: k, label: t(`walkIn.kind.${k}`) }))}
          />
        </Form.Item>
        {kind === "merchant" && (
          <Form.Item name="merchantId">
            <ApplicantSelect kind="merchant" testId="walk-in-merchant" />
          </Form.Item>
        )}
        {kind === "resident" && (
          <Form.Item name="residentId">
            <ApplicantSelect kind="resident" testId="walk-in-resident" />
          </Form.Item>
        )}
        {kind === "other" && (
          <Space.Compact block style={{ gap: 12 }}>
            <Form.Item name="name" label={t("field.applicantName")} required style={{ flex: 1 }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="mobile" label={t("field.mobile")} style={{ flex: 1 }}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Space.Compact>
        )}
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Asks for the text a step needs (the reason to cancel, a note to forward or complete). */
function useStep() {
  const { t } = useTranslation("counter");
  const { message, modal } = App.useApp();
  const action = useRequestAction();
  const run = async (r: ServiceRequest, input: Parameters<typeof action.mutateAsync>[0]["input"], done: string) => {
    try {
      await action.mutateAsync({ id: r.id, input });
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error));
      throw error;
    }
  };
  const withText = (r: ServiceRequest, kind: "cancel" | "forward" | "complete") => {
    let text = "";
    modal.confirm({
      title: t(`step.${kind}Title`, { name: r.applicantName, item: r.itemName }),
      icon: null,
      content: (
        <div>
          {kind === "forward" && (
            <Typography.Paragraph type="secondary">
              {t("step.forwardHint", { unit: r.unitName, count: r.timeLimitDays })}
            </Typography.Paragraph>
          )}
          <Input.TextArea
            rows={3}
            maxLength={500}
            data-testid={`step-${kind}-text`}
            placeholder={t(`step.${kind}Placeholder`)}
            onChange={(e) => {
              text = e.target.value;
            }}
          />
        </div>
      ),
      okText: t(`action.${kind}`),
      okButtonProps: { danger: kind === "cancel", "data-testid": `step-${kind}-ok` } as never,
      cancelText: t("common:action.cancel"),
      onOk: async () => {
        if (kind === "cancel") {
          if (text.trim().length < 2) {
            message.warning(t("step.reasonRequired"));
            throw new Error("reason");
          }
          return run(r, { action: "cancel", reason: text.trim(), version: r.version }, t("step.cancelled"));
        }
        return run(r, { action: kind, note: text.trim() || null, version: r.version }, t(`step.${kind}Done`));
      },
    });
  };
  return { run, withText, pending: action.isPending };
}

function RequestLink({ r }: { r: ServiceRequest }) {
  return (
    <Link to={`/services/requests/${r.id}`}>
      <span style={{ fontWeight: 500 }}>{r.itemName}</span>
    </Link>
  );
}

/** 窗口受理: today's counter — bookings to check in, the numbered queue, the window, and what is finished. */
export default function CounterPage() {
  const { t } = useTranslation("counter");
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  // An account reaching several stations (the platform admin) picks one; the choice stays in the address.
  const list = useListParams(["stationId"]);
  const picking = me.stations.length > 1;
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : picking ? undefined : me.stations[0]?.id;
  const day = useCounterDay(picking ? stationId : undefined, !picking || stationId !== undefined);
  const callNext = useCallNext();
  const step = useStep();
  const [walkInOpen, setWalkInOpen] = useState(false);
  const d = day.data;
  // Departments and alliance units read the counter but do not run it: no calling, check-in or walk-ins for them.
  const unitAccount = me.allianceUnitId !== null && !can("service.manage");
  const runs = !unitAccount;

  const call = async () => {
    try {
      const r = await callNext.mutateAsync(picking ? stationId : undefined);
      message.success(t("counter.called", { no: r.queueNo, name: r.applicantName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const applicant = (r: ServiceRequest) => (
    <div>
      <div>{r.applicantName}</div>
      {r.applicantMobile && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.applicantMobile}
        </Typography.Text>
      )}
    </div>
  );
  const queueNo = (n: number | null) =>
    n === null ? (
      "—"
    ) : (
      <span style={{ fontVariantNumeric: "tabular-nums", fontWeight: 600, color: "#cf1322" }}>{String(n).padStart(3, "0")}</span>
    );

  const queueActions = useActionsColumn<ServiceRequest>(
    (r) => (
      <>
        <RowAction
          onClick={() => step.run(r, { action: "start", version: r.version }, t("step.startDone")).catch(() => {})}
          data-testid={`start-${r.id}`}
        >
          {t("action.start")}
        </RowAction>
        <RowAction danger onClick={() => step.withText(r, "cancel")}>
          {t("action.cancel")}
        </RowAction>
      </>
    ),
    { width: 140, show: runs },
  );
  const expectedActions = useActionsColumn<ServiceRequest>(
    (r) => (
      <>
        <RowAction
          onClick={() => step.run(r, { action: "check_in", version: r.version }, t("step.checkedIn")).catch(() => {})}
          data-testid={`check-in-${r.id}`}
        >
          {t("action.checkIn")}
        </RowAction>
        <RowAction danger onClick={() => step.withText(r, "cancel")}>
          {t("action.cancel")}
        </RowAction>
      </>
    ),
    { width: 150, show: runs },
  );

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 16, alignItems: "center" }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t("counter.title")}
            </Typography.Title>
            <Typography.Text type="secondary">
              {d ? t("counter.today", { date: d.date, weekday: t(`weekday.${weekdayOf(d.date) % 7}`) }) : ""}
            </Typography.Text>
          </div>
          {d && (
            <div style={{ display: "flex", flexWrap: "wrap", gap: 6, alignItems: "center" }} data-testid="on-duty">
              <Typography.Text type="secondary">{t("counter.onDuty")}</Typography.Text>
              {d.onDuty.length === 0 && <Tag>{t("counter.nobodyOnDuty")}</Tag>}
              {d.onDuty.map((u) => (
                <Tag key={u.unitId} color="red">
                  {u.unitName} {u.startTime}–{u.endTime}
                </Tag>
              ))}
            </div>
          )}
          <div style={{ flex: 1 }} />
          {picking && (
            <Select
              style={{ width: 220 }}
              placeholder={t("counter.pickStation")}
              value={stationId}
              onChange={(value) => list.update({ stationId: value })}
              options={me.stations.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="counter-station"
            />
          )}
          {runs && (!picking || stationId !== undefined) && (
            <Space>
              <Button icon={<UserAddOutlined />} onClick={() => setWalkInOpen(true)} data-testid="walk-in">
                {t("walkIn.button")}
              </Button>
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                onClick={call}
                loading={callNext.isPending}
                disabled={!d || d.queue.length === 0}
                data-testid="call-next"
              >
                {t("counter.callNext")}
              </Button>
            </Space>
          )}
        </div>
      </Card>
      {unitAccount && <Alert type="info" showIcon title={t("counter.unitHint")} style={{ marginBottom: 16 }} />}
      {day.isError && <Alert type="error" showIcon title={errorMessage(day.error)} style={{ marginBottom: 16 }} />}
      {picking && stationId === undefined ? (
        <Card>
          <Empty description={t("counter.pickStationHint")} data-testid="counter-pick-station" />
        </Card>
      ) : day.isPending ? (
        <Spin style={{ display: "block", padding: 80 }} />
      ) : d ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ["expected", d.expected.length, "#1677ff"],
                ["queue", d.queue.length, "#d48806"],
                ["handling", d.handling.length, "#722ed1"],
                ["finished", d.finished.length, "#389e0d"],
              ] as const
            ).map(([key, value, colour]) => (
              <Col key={key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(`counter.count.${key}`)} value={value} valueStyle={{ color: colour }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t("counter.window")} size="small" style={{ marginBottom: 16 }} data-testid="counter-handling">
                {d.handling.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(runs ? "counter.windowEmpty" : "counter.windowIdle")} />
                ) : (
                  d.handling.map((r) => (
                    <div
                      key={r.id}
                      data-testid={`handling-${r.id}`}
                      style={{ display: "flex", gap: 12, alignItems: "center", padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}
                    >
                      <div style={{ fontSize: 22, fontWeight: 600, minWidth: 56 }}>{queueNo(r.queueNo)}</div>
                      <div style={{ flex: 1, minWidth: 0 }}>
                        <RequestLink r={r} />
                        <div>
                          <Typography.Text type="secondary">
                            {r.applicantName} · {r.unitName}
                          </Typography.Text>
                        </div>
                      </div>
                      {runs && (
                        <Space size={4} wrap>
                          <Button type="primary" size="small" onClick={() => step.withText(r, "complete")} data-testid={`complete-${r.id}`}>
                            {t("action.complete")}
                          </Button>
                          <Button size="small" onClick={() => step.withText(r, "forward")} data-testid={`forward-${r.id}`}>
                            {t("action.forward")}
                          </Button>
                        </Space>
                      )}
                    </div>
                  ))
                )}
              </Card>
              <Card title={t("counter.queue")} size="small" data-testid="counter-queue">
                <Table<ServiceRequest>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.queue}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("counter.queueEmpty")} /> }}
                  scroll={{ x: 560 }}
                  columns={[
                    { title: t("field.queueNo"), dataIndex: "queueNo", width: 70, render: queueNo },
                    { title: t("field.item"), key: "item", render: (_: unknown, r) => <RequestLink r={r} /> },
                    { title: t("field.applicant"), key: "applicant", width: 140, render: (_: unknown, r) => applicant(r) },
                    { title: t("field.channel"), dataIndex: "channel", width: 90, render: (c: string) => t(`channel.${c}`) },
                    ...queueActions,
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t("counter.expected")} size="small" style={{ marginBottom: 16 }} data-testid="counter-expected">
                <Table<ServiceRequest>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.expected}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("counter.expectedEmpty")} /> }}
                  scroll={{ x: 560 }}
                  columns={[
                    {
                      title: t("field.shift"),
                      key: "shift",
                      width: 100,
                      render: (_: unknown, r) => (r.shift ? `${r.shift.startTime}–${r.shift.endTime}` : "—"),
                    },
                    { title: t("field.item"), key: "item", render: (_: unknown, r) => <RequestLink r={r} /> },
                    { title: t("field.applicant"), key: "applicant", width: 140, render: (_: unknown, r) => applicant(r) },
                    ...expectedActions,
                  ]}
                />
              </Card>
              <Card title={t("counter.finished")} size="small" data-testid="counter-finished">
                <Table<ServiceRequest>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  dataSource={d.finished}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("counter.finishedEmpty")} /> }}
                  scroll={{ x: 520 }}
                  columns={[
                    { title: t("field.queueNo"), dataIndex: "queueNo", width: 70, render: queueNo },
                    { title: t("field.item"), key: "item", render: (_: unknown, r) => <RequestLink r={r} /> },
                    { title: t("field.applicant"), dataIndex: "applicantName", width: 140, ellipsis: true },
                    {
                      title: t("field.status"),
                      dataIndex: "status",
                      width: 100,
                      render: (s: ServiceRequest["status"]) => <StatusTag status={s} />,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
      <WalkInModal open={walkInOpen} onClose={() => setWalkInOpen(false)} stationId={picking ? stationId : undefined} />
    </div>
  );
}
