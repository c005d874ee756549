// 大屏管理: the big screen's kiosk tokens of the units in reach — create one for a station (or the district) with a
// name, see it this once as the screen's address and a QR code (with a preview), list tokens with when each screen
// last asked, and revoke one after a confirmation.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import QRCode from "qrcode";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type KioskToken, type KioskTokenCreated, kioskTokenCreateSchema, SCREEN_PATH } from "../../../../contracts/screen.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useMe } from "../../../app/session.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCreateKioskToken, useKioskTokens, useRevokeKioskToken } from "../api/kiosk-tokens.ts";

function CreatedModal({ created, onClose }: { created: KioskTokenCreated | null; onClose: () => void }) {
  const { t } = useTranslation("screen");
  const [qr, setQr] = useState<string | null>(null);
  const url = created ? `${window.location.origin}${created.path}` : null;
  useEffect(() => {
    setQr(null);
    if (!url) return;
    let current = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 480 }).then((data) => {
      if (current) setQr(data);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <Modal
      open={created !== null}
      title={t("createdTitle", { label: created?.label ?? "" })}
      onCancel={onClose}
      footer={
        <Space>
          <Button href={url ?? undefined} target="_blank" rel="noopener noreferrer" data-testid="kiosk-preview">
            {t("preview")}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t("done")}
          </Button>
        </Space>
      }
      width={560}
    >
      <Alert type="warning" showIcon title={t("createdHint")} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: url ?? "" }} code data-testid="kiosk-url" style={{ wordBreak: "break-all" }}>
        {url}
      </Typography.Paragraph>
      {qr && (
        <div style={{ textAlign: "center" }}>
          <img src={qr} alt={t("qr")} width={240} height={240} data-testid="kiosk-qr" />
        </div>
      )}
    </Modal>
  );
}

export default function KioskTokensPage() {
  const { t } = useTranslation("screen");
  const { message, modal } = App.useApp();
  const me = useMe();
  const query = useKioskTokens();
  const create = useCreateKioskToken();
  const revoke = useRevokeKioskToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<KioskTokenCreated | null>(null);
  const [form] = Form.useForm<{ label?: string; scope?: string }>();

  // The caller's own district or street (when it is one), then each station in reach.
  const scopes = useMemo(() => {
    const own =
      me.orgUnitKind === "district" || me.orgUnitKind === "street"
        ? [{ value: `${me.orgUnitKind}:${me.orgUnitId}`, label: `${me.orgUnitName}（${t(`kind.${me.orgUnitKind}`)}）` }]
        : [];
    return [...own, ...me.stations.map((s) => ({ value: `station:${s.id}`, label: s.name }))];
  }, [me, t]);

  const submit = async () => {
    const checked = validateWith(
      kioskTokenCreateSchema,
      { label: form.getFieldValue("label") ?? "", scope: form.getFieldValue("scope") ?? "" },
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

  const confirmRevoke = (k: KioskToken) =>
    modal.confirm({
      title: t("revokeConfirm", { label: k.label }),
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

  const actions = useActionsColumn<KioskToken>(
    (k) => (
      <RowActions>
        <Button type="link" size="small" href={`${SCREEN_PATH}?preview=${k.scope}`} target="_blank" rel="noopener noreferrer">
          {t("preview")}
        </Button>
        <RowAction danger disabled={k.status !== "active"} onClick={() => confirmRevoke(k)}>
          {t("revoke")}
        </RowAction>
      </RowActions>
    ),
    { width: 150 },
  );
  const columns = [
    { title: t("field.label"), dataIndex: "label", width: 150, ellipsis: true },
    {
      title: t("field.scope"),
      dataIndex: "unitName",
      width: 170,
      ellipsis: true,
      render: (name: string, k: KioskToken) => (k.unitKind === "station" ? name : `${name}（${t(`kind.${k.unitKind}`)}）`),
    },
    { title: t("field.prefix"), dataIndex: "prefix", width: 120, render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: string) => <Tag color={s === "active" ? "green" : "default"}>{t(`status.${s}`)}</Tag>,
    },
    { title: t("field.lastUsedAt"), dataIndex: "lastUsedAt", width: 150, render: (v: string | null) => (v ? formatDateTime(v) : "—") },
    { title: t("field.createdBy"), dataIndex: "createdByName", width: 120, ellipsis: true, render: (v: string | null) => v ?? "—" },
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
      <Typography.Paragraph type="secondary">{t("intro", { path: SCREEN_PATH })}</Typography.Paragraph>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<KioskToken>
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
          <Form.Item name="label" label={t("field.label")} extra={t("labelHint")}>
            <Input maxLength={60} data-testid="kiosk-label" />
          </Form.Item>
          <Form.Item name="scope" label={t("field.scope")} initialValue={scopes.length === 1 ? scopes[0].value : undefined}>
            <Select data-testid="kiosk-scope" showSearch={{ optionFilterProp: "label" }} options={scopes} />
          </Form.Item>
        </Form>
      </Modal>
      <CreatedModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
