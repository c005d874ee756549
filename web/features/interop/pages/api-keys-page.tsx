// 对接密钥: the platform admin's list of integrating systems' API keys (Open311), a key created for a station and
// shown this once, and revocation after a confirmation.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiKey, apiKeyCreateSchema, apiKeyPurposes, OPEN311_BASE } from "../../../../contracts/interop.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useMe } from "../../../app/session.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type ApiKeyCreated, useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/api-keys.ts";

export default function ApiKeysPage() {
  const { t } = useTranslation("interop");
  const { message, modal } = App.useApp();
  const me = useMe();
  const query = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [form] = Form.useForm<{ name?: string; purpose?: ApiKey["purpose"]; stationId?: number }>();

  const submit = async () => {
    const checked = validateWith(
      apiKeyCreateSchema,
      {
        name: form.getFieldValue("name") ?? "",
        purpose: form.getFieldValue("purpose") ?? "open311",
        stationId: form.getFieldValue("stationId"),
      },
      form,
    );
    if (!checked.ok) return;
    try {
      setCreated(await create.mutateAsync(checked.data));
      setCreating(false);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  const confirmRevoke = (k: ApiKey) =>
    modal.confirm({
      title: t("revokeConfirm", { name: k.name }),
      content: t("revokeHint"),
      okButtonProps: { danger: true },
      okText: t("revoke"),
      onOk: async () => {
        try {
          await revoke.mutateAsync(k.id);
          message.success(t("revoked"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const actions = useActionsColumn<ApiKey>(
    (k) => (
      <RowAction danger disabled={k.status !== "active"} onClick={() => confirmRevoke(k)}>
        {t("revoke")}
      </RowAction>
    ),
    { width: 80 },
  );
  const columns = [
    { title: t("field.name"), dataIndex: "name", width: 150, ellipsis: true },
    { title: t("field.station"), dataIndex: "stationName", width: 150, ellipsis: true },
    { title: t("field.purpose"), dataIndex: "purpose", width: 130, render: (p: string) => t(`purpose.${p}`) },
    { title: t("field.prefix"), dataIndex: "prefix", width: 110, render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 80,
      render: (s: string) => <Tag color={s === "active" ? "green" : "default"}>{t(`status.${s}`)}</Tag>,
    },
    { title: t("field.requests"), dataIndex: "requests", width: 80, align: "right" as const },
    { title: t("field.lastUsedAt"), dataIndex: "lastUsedAt", width: 150, render: (v: string | null) => (v ? formatDateTime(v) : "—") },
    { title: t("field.createdAt"), dataIndex: "createdAt", width: 150, render: (v: string) => formatDateTime(v) },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
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
          {t("create")}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t("intro", { base: OPEN311_BASE })}</Typography.Paragraph>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <Modal
        open={creating}
        title={t("create")}
        onCancel={() => setCreating(false)}
        onOk={submit}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t("field.name")} extra={t("nameHint")}>
            <Input maxLength={60} data-testid="api-key-name" />
          </Form.Item>
          <Form.Item name="purpose" label={t("field.purpose")} initialValue="open311">
            <Select options={apiKeyPurposes.map((p) => ({ value: p, label: t(`purpose.${p}`) }))} />
          </Form.Item>
          <Form.Item name="stationId" label={t("field.station")}>
            <Select
              data-testid="api-key-station"
              showSearch={{ optionFilterProp: "label" }}
              options={me.stations.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={t("createdTitle", { name: created?.name ?? "" })}
        onCancel={() => setCreated(null)}
        onOk={() => setCreated(null)}
        cancelButtonProps={{ style: { display: "none" } }}
        okText={t("done")}
      >
        <Alert type="warning" showIcon title={t("createdHint")} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created?.key }} code data-testid="api-key-secret">
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
