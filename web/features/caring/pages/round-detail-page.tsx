import { ArrowLeftOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import { nominationCreateSchema } from "../../../../contracts/caring.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useCreateObjection } from "../api/create-objection.ts";
import { useDecideObjection } from "../api/decide-objection.ts";
import { useRound } from "../api/get-round.ts";
import { useNominate } from "../api/nominate.ts";
import { useReviewNomination } from "../api/review-nomination.ts";
import { type RoundAction, useRoundAction } from "../api/round-action.ts";
import type { Nomination, Round } from "../api/types.ts";
import { nominationStatusColour, roundStatusColour } from "../components/labels.ts";
import { ResidentSelect } from "../components/resident-select.tsx";
import { StatusTag } from "../components/status-tag.tsx";

const flow = ["nominating", "reviewing", "publicity", "awarded"] as const;

/** A note or reason asked in a small modal; `required` for the ones the contract wants (cancel, objection). */
function TextModal({
  title,
  label,
  open,
  required,
  danger,
  onClose,
  onSubmit,
  testId,
}: {
  title: string;
  label: string;
  open: boolean;
  required?: boolean;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (text: string) => Promise<void>;
  testId?: string;
}) {
  const { t } = useTranslation("caring");
  const [text, setText] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (required && text.trim().length < 2) {
      setFailure(t("textRequired"));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(text.trim());
      setText("");
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ danger, "data-testid": testId ? `${testId}-ok` : undefined } as never}
      confirmLoading={busy}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Typography.Text>{label}</Typography.Text>
      <Input.TextArea rows={3} maxLength={1000} showCount value={text} onChange={(e) => setText(e.target.value)} data-testid={testId} />
    </Modal>
  );
}

function NominateModal({ round, open, onClose }: { round: Round; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ residentId?: number; reason?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const nominate = useNominate();
  const submit = async () => {
    setFailure(null);
    const checked = validateWith(nominationCreateSchema, form.getFieldsValue(), form);
    if (!checked.ok) return;
    try {
      await nominate.mutateAsync({ roundId: round.id, input: checked.data });
      message.success(t("nomination.created"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("nomination.create")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ "data-testid": "nominate-ok" } as never}
      confirmLoading={nominate.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="residentId" label={t("field.resident")} required>
          <ResidentSelect testId="nominate-resident" />
        </Form.Item>
        <Form.Item name="reason" label={t("field.reason")} required>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="nominate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Pending =
  | { kind: "review"; nomination: Nomination; decision: "accept" | "reject" }
  | { kind: "object"; nomination: Nomination }
  | { kind: "decide"; objectionId: number; decision: "uphold" | "dismiss" }
  | { kind: "cancel" };

/** One round: its steps, its nominations with their review and objections, and the buttons that move it on. */
export default function RoundDetailPage() {
  const { t } = useTranslation("caring");
  const { message, modal } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const round = useRound(id);
  const act = useRoundAction();
  const review = useReviewNomination();
  const object = useCreateObjection();
  const decide = useDecideObjection();
  const [pending, setPending] = useState<Pending | null>(null);
  const [nominating, setNominating] = useState(false);
  const actions = useActionsColumn<Nomination>(
    (n) => {
      const status = round.data?.status;
      return (
        <>
          {can("caring.manage") && status === "reviewing" && n.status === "nominated" && (
            <>
              <RowAction onClick={() => setPending({ kind: "review", nomination: n, decision: "accept" })} data-testid="review-accept">
                {t("nomination.accept")}
              </RowAction>
              <RowAction danger onClick={() => setPending({ kind: "review", nomination: n, decision: "reject" })}>
                {t("nomination.reject")}
              </RowAction>
            </>
          )}
          {status === "publicity" && n.status === "accepted" && can("award.nominate") && (
            <RowAction onClick={() => setPending({ kind: "object", nomination: n })} data-testid="object">
              {t("objection.create")}
            </RowAction>
          )}
        </>
      );
    },
    { width: 170 },
  );

  if (round.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (round.isError) return <Alert type="error" showIcon title={errorMessage(round.error)} />;
  const r = round.data;
  const manage = can("caring.manage");

  const run = (action: "close_nominations" | "publish" | "award") => {
    modal.confirm({
      title: t(`roundAction.${action}`),
      content: t(`roundConfirm.${action}`),
      okText: t("common:action.confirm"),
      cancelText: t("common:action.cancel"),
      okButtonProps: { "data-testid": "round-action-ok" } as never,
      onOk: async () => {
        try {
          await act.mutateAsync({ id: r.id, input: { action, version: r.version } as RoundAction });
          message.success(t(`roundDone.${action}`));
        } catch (error) {
          message.error(errorMessage(error));
          if (error instanceof ApiError && error.id === "record.conflict") void round.refetch();
        }
      },
    });
  };

  const stepIndex = r.status === "cancelled" ? -1 : flow.indexOf(r.status as (typeof flow)[number]);
  const publicityRunning = r.status === "publicity" && r.publicityUntil !== null && stationDate(new Date()) <= r.publicityUntil;
  const openObjections = r.nominations.flatMap((n) => n.objections.filter((o) => o.status === "open"));

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/caring/rounds")} aria-label={t("common:action.back")} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="round-title">
            {t("round.heading", { month: r.month, category: t(`category.${r.category}`) })}
          </Typography.Title>
          <StatusTag kind="roundStatus" value={r.status} colours={roundStatusColour} />
          <div style={{ flex: 1 }} />
          {manage && (
            <Space wrap>
              {r.status === "nominating" && (
                <Button type="primary" onClick={() => run("close_nominations")} data-testid="round-close">
                  {t("roundAction.close_nominations")}
                </Button>
              )}
              {r.status === "reviewing" && (
                <Button type="primary" onClick={() => run("publish")} data-testid="round-publish">
                  {t("roundAction.publish")}
                </Button>
              )}
              {r.status === "publicity" && (
                <Tooltip title={publicityRunning ? t("round.publicityRunning", { date: formatDate(r.publicityUntil) }) : undefined}>
                  <Button
                    type="primary"
                    onClick={() => run("award")}
                    data-testid="round-award"
                    disabled={openObjections.length > 0 || publicityRunning}
                  >
                    {t("roundAction.award")}
                  </Button>
                </Tooltip>
              )}
              {r.status !== "awarded" && r.status !== "cancelled" && (
                <Button danger onClick={() => setPending({ kind: "cancel" })} data-testid="round-cancel">
                  {t("roundAction.cancel")}
                </Button>
              )}
            </Space>
          )}
        </div>
        {r.status === "cancelled" ? (
          <Alert type="warning" showIcon title={t("round.cancelled")} />
        ) : (
          <Steps
            current={stepIndex}
            status={r.status === "awarded" ? "finish" : "process"}
            items={flow.map((s) => ({ title: t(`roundStatus.${s}`), description: t(`roundStep.${s}`) }))}
          />
        )}
        {r.status === "publicity" && openObjections.length > 0 && (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t("round.openObjections", { count: openObjections.length })} />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t("field.publicityDays")}>{t("round.publicityDays", { days: r.publicityDays })}</Descriptions.Item>
          <Descriptions.Item label={t("field.publicity")}>
            {r.publicityFrom ? `${formatDate(r.publicityFrom)} ~ ${formatDate(r.publicityUntil)}` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.cardValidMonths")}>{t("round.validMonths", { months: r.cardValidMonths })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t("nomination.title", { count: r.nominations.length })}
        extra={
          r.status === "nominating" &&
          can("award.nominate") && (
            <Button icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="nominate">
              {t("nomination.create")}
            </Button>
          )
        }
      >
        <Table<Nomination>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={r.nominations}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t("nomination.empty")} /> }}
          expandable={{
            rowExpandable: (n) => n.objections.length > 0,
            // Objections stay in sight: a nomination's row opens as soon as it has one.
            expandedRowKeys: r.nominations.filter((n) => n.objections.length > 0).map((n) => n.id),
            showExpandColumn: false,
            expandedRowRender: (n) => (
              <div data-testid="objections">
                <Typography.Text strong>{t("objection.title")}</Typography.Text>
                {n.objections.map((o) => (
                  <div key={o.id} style={{ display: "flex", gap: 12, alignItems: "center", padding: "6px 0", flexWrap: "wrap" }}>
                    <Tag color={o.status === "upheld" ? "red" : o.status === "dismissed" ? "default" : "gold"}>
                      {t(`objectionStatus.${o.status}`)}
                    </Tag>
                    <span style={{ flex: "1 1 300px" }}>{o.text}</span>
                    <Typography.Text type="secondary">{formatDateTime(o.createdAt)}</Typography.Text>
                    {manage && o.status === "open" && (
                      <Space>
                        <Button size="small" danger onClick={() => setPending({ kind: "decide", objectionId: o.id, decision: "uphold" })}>
                          {t("objection.uphold")}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setPending({ kind: "decide", objectionId: o.id, decision: "dismiss" })}
                          data-testid="objection-dismiss"
                        >
                          {t("objection.dismiss")}
                        </Button>
                      </Space>
                    )}
                  </div>
                ))}
              </div>
            ),
          }}
          columns={[
            { title: t("field.resident"), dataIndex: "residentName", width: 120 },
            { title: t("field.reason"), dataIndex: "reason", ellipsis: true },
            { title: t("field.nominatedBy"), dataIndex: "nominatedBy", width: 120, render: (v: string | null) => v ?? "—" },
            {
              // Evidence for the review: the nominee's final volunteer hours this year (from the volunteer service).
              title: t("field.volunteerHours"),
              dataIndex: "volunteerHours",
              width: 130,
              align: "right",
              render: (v: number | null) => (v === null ? "—" : t("field.hoursValue", { hours: v.toFixed(2) })),
            },
            {
              title: t("field.status"),
              dataIndex: "status",
              width: 110,
              render: (s: string) => <StatusTag kind="nominationStatus" value={s} colours={nominationStatusColour} />,
            },
            { title: t("field.reviewNote"), dataIndex: "reviewNote", width: 180, ellipsis: true, render: (v: string | null) => v ?? "—" },
            ...actions,
          ]}
        />
      </Card>
      <NominateModal round={r} open={nominating} onClose={() => setNominating(false)} />
      <TextModal
        open={pending?.kind === "review"}
        title={pending?.kind === "review" ? t(`nomination.${pending.decision}`) : ""}
        label={t("field.reviewNote")}
        danger={pending?.kind === "review" && pending.decision === "reject"}
        testId="review-note"
        onClose={() => setPending(null)}
        onSubmit={async (note) => {
          if (pending?.kind !== "review") return;
          await review.mutateAsync({
            id: pending.nomination.id,
            input: { decision: pending.decision, note: note || null, version: pending.nomination.version },
          });
          message.success(t("nomination.reviewed"));
        }}
      />
      <TextModal
        open={pending?.kind === "object"}
        title={t("objection.create")}
        label={t("objection.text")}
        required
        testId="objection-text"
        onClose={() => setPending(null)}
        onSubmit={async (text) => {
          if (pending?.kind !== "object") return;
          await object.mutateAsync({ nominationId: pending.nomination.id, text });
          message.success(t("objection.created"));
        }}
      />
      <TextModal
        open={pending?.kind === "decide"}
        title={pending?.kind === "decide" ? t(`objection.${pending.decision}`) : ""}
        label={t("field.note")}
        danger={pending?.kind === "decide" && pending.decision === "uphold"}
        testId="objection-note"
        onClose={() => setPending(null)}
        onSubmit={async (note) => {
          if (pending?.kind !== "decide") return;
          await decide.mutateAsync({ id: pending.objectionId, input: { decision: pending.decision, note: note || null } });
          message.success(t("objection.decided"));
        }}
      />
      <TextModal
        open={pending?.kind === "cancel"}
        title={t("roundAction.cancel")}
        label={t("field.cancelReason")}
        required
        danger
        onClose={() => setPending(null)}
        onSubmit={async (reason) => {
          await act.mutateAsync({ id: r.id, input: { action: "cancel", reason, version: r.version } });
          message.success(t("roundDone.cancel"));
        }}
      />
    </Space>
  );
}
