// Webhook 订阅: the platform admin subscribes other systems to events (a problem's steps, redemptions, meeting
// resolutions), shown the signing secret once; each subscription's delivery log with its attempts and errors.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Drawer, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Webhook, type WebhookDelivery, webhookCreateSchema, webhookEvents } from "../../../../contracts/interop.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useMe } from "../../../app/session.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCreateWebhook, useSetWebhookActive, useWebhookDeliveries, useWebhooks } from "../api/webhooks.ts";

const deliveryColour = { pending: "gold", delivered: "green", failed: "red" } as const;

function Deliveries({ hook, onClose }: { hook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation("interop");
  const log = useWebhookDeliveries(hook?.id ?? null);
  return (
    <Drawer open={hook !== null} onClose={onClose} size="large" title={t("webhooks.logTitle", { name: hook?.name ?? "" })}>
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("webhooks.logEmpty")} /> }}
        columns={[
          { title: t("webhooks.field.event"), dataIndex: "event", width: 150, render: (e: string) => t(`webhooks.event.${e}`) },
          { title: t("webhooks.field.createdAt"), dataIndex: "createdAt", width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t("webhooks.field.status"),
            dataIndex: "status",
            width: 90,
            render: (s: WebhookDelivery["status"]) => <Tag color={deliveryColour[s]}>{t(`webhooks.status.${s}`)}</Tag>,
          },
          { title: t("webhooks.field.attempts"), dataIndex: "attempts", width: 70, align: "right" as const },
          {
            title: t("webhooks.field.last"),
            key: "last",
            render: (_: unknown, d: WebhookDelivery) => d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "—"),
          },
        ]}
      />
    </Drawer>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation("interop");
  const { message } = App.useApp();
  const me = useMe();
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const setActive = useSetWebhookActive();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [form] = Form.useForm();

  const submit = async () => {
    const v = form.getFieldsValue();
    const checked = validateWith(
      webhookCreateSchema,
      { name: v.name ?? "", url: v.url ?? "", events: v.events ?? [], stationId: v.stationId ?? null },
      form,
    );
    if (!checked.ok) return;
    try {
      setSecret((await create.mutateAsync(checked.data)).secret);
      setCreating(false);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  const actions = useActionsColumn<Webhook>(
    (w) => (
      <>
        <RowAction onClick={() => setViewing(w)}>{t("webhooks.log")}</RowAction>
        <RowAction danger={w.active} onClick={() => setActive.mutate({ id: w.id, active: !w.active })}>
          {w.active ? t("webhooks.pause") : t("webhooks.resume")}
        </RowAction>
      </>
    ),
    { width: 140 },
  );
  const columns = [
    { title: t("webhooks.field.name"), dataIndex: "name", width: 150, ellipsis: true },
    { title: t("webhooks.field.url"), dataIndex: "url", width: 240, ellipsis: true },
    {
      title: t("webhooks.field.events"),
      dataIndex: "events",
      width: 220,
      render: (events: string[]) => events.map((e) => <Tag key={e}>{t(`webhooks.event.${e}`)}</Tag>),
    },
    {
      title: t("webhooks.field.status"),
      key: "state",
      width: 170,
      render: (_: unknown, w: Webhook) => (
        <>
          <Tag color={w.active ? "green" : "default"}>{w.active ? t("webhooks.active") : t("webhooks.paused")}</Tag>
          {w.pending > 0 && <Tag color="gold">{t("webhooks.pending", { n: w.pending })}</Tag>}
          {w.failed > 0 && <Tag color="red">{t("webhooks.failed", { n: w.failed })}</Tag>}
        </>
      ),
    },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("webhooks.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setCreating(true);
          }}
        >
          {t("webhooks.create")}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t("webhooks.intro")}</Typography.Paragraph>
      {hooks.isError && <Alert type="error" showIcon title={errorMessage(hooks.error)} style={{ marginBottom: 16 }} />}
      <Table<Webhook>
        rowKey="id"
        size="middle"
        loading={hooks.isFetching}
        dataSource={hooks.data ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        pagination={false}
        locale={{ emptyText: <Empty description={t("webhooks.empty")} /> }}
      />
      <Modal
        open={creating}
        title={t("webhooks.create")}
        onCancel={() => setCreating(false)}
        onOk={submit}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t("webhooks.field.name")}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="url" label={t("webhooks.field.url")}>
            <Input placeholder="https://" maxLength={500} />
          </Form.Item>
          <Form.Item name="events" label={t("webhooks.field.events")}>
            <Checkbox.Group options={webhookEvents.map((e) => ({ value: e, label: t(`webhooks.event.${e}`) }))} />
          </Form.Item>
          <Form.Item name="stationId" label={t("webhooks.field.station")} extra={t("webhooks.stationHint")}>
            <Select allowClear options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t("webhooks.secretTitle")}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: "none" } }}
      >
        <Alert type="warning" showIcon title={t("webhooks.secretHint")} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: secret ?? "" }} code>
          {secret}
        </Typography.Paragraph>
      </Modal>
      <Deliveries hook={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
