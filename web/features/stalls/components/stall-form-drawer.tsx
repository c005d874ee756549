import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Stall, stallCreateSchema, stallUpdateSchema } from "../../../../contracts/stalls.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useCreateStall } from "../api/create-stall.ts";
import { useDeleteStall } from "../api/delete-stall.ts";
import { useMerchantOptions } from "../api/search-merchants.ts";
import { useUpdateStall } from "../api/update-stall.ts";

interface Values {
  code?: string;
  area?: number;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  merchantId?: number | null;
  stationId?: number;
}

/** View, create or edit a stall; read-only for those without stall.write. */
export function StallFormDrawer({ open, stall, onClose }: { open: boolean; stall: Stall | null; onClose: () => void }) {
  const { t } = useTranslation("stalls");
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  const writable = can("stall.write");
  const [form] = Form.useForm<Values>();
  const [merchantSearch, setMerchantSearch] = useState("");
  const merchants = useMerchantOptions(merchantSearch);
  const create = useCreateStall();
  const update = useUpdateStall();
  const remove = useDeleteStall();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setMerchantSearch("");
    form.resetFields();
    if (stall) form.setFieldsValue({ ...stall });
    else form.setFieldsValue({ w: 40, h: 30, x: 0, y: 0, merchantId: null, stationId: me.stations[0]?.id });
  }, [open, stall, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const body = { code: v.code ?? "", area: v.area, x: v.x, y: v.y, w: v.w, h: v.h, merchantId: v.merchantId ?? null };
    try {
      if (stall) {
        const checked = validateWith(stallUpdateSchema, { ...body, version: stall.version }, form);
        if (!checked.ok) return;
        await update.mutateAsync({ id: stall.id, input: checked.data });
      } else {
        const checked = validateWith(
          stallCreateSchema,
          { ...body, ...(me.stations.length > 1 && v.stationId ? { stationId: v.stationId } : {}) },
          form,
        );
        if (!checked.ok) return;
        await create.mutateAsync(checked.data);
      }
      message.success(t("common:saved"));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") setFailure(error.message);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const doDelete = async () => {
    if (!stall) return;
    try {
      await remove.mutateAsync(stall.id);
      message.success(t("common:deleted"));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const merchantOptions = (merchants.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.name}（${t(`common:enum.category.${m.category}`)}）`,
  }));
  if (stall?.merchantId && !merchantOptions.some((o) => o.value === stall.merchantId))
    merchantOptions.unshift({ value: stall.merchantId, label: stall.merchantName ?? String(stall.merchantId) });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      title={stall ? t("stallTitle", { code: stall.code }) : t("create")}
      destroyOnHidden
      extra={
        writable && (
          <Space>
            {stall && (
              <Popconfirm title={t("deleteConfirm", { code: stall.code })} onConfirm={doDelete}>
                <Button danger loading={remove.isPending}>
                  {t("common:action.delete")}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" onClick={submit} loading={create.isPending || update.isPending}>
              {t("common:action.save")}
            </Button>
          </Space>
        )
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {stall?.merchantId && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t("letTo")}
              <Link to={`/merchants/${stall.merchantId}`}>{stall.merchantName}</Link>
            </span>
          }
        />
      )}
      <Form form={form} layout="vertical" disabled={!writable}>
        {!stall && me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="code" label={t("field.code")} required>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="area" label={t("field.area")} required>
              <InputNumber min={0} step={0.5} style={{ width: "100%" }} suffix="m²" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="merchantId" label={t("field.merchant")}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setMerchantSearch }}
            placeholder={t("vacant")}
            options={merchantOptions}
            loading={merchants.isFetching}
          />
        </Form.Item>
        <Row gutter={12}>
          {(["x", "y", "w", "h"] as const).map((key) => (
            <Col span={6} key={key}>
              <Form.Item name={key} label={t(`field.${key}`)} required>
                <InputNumber style={{ width: "100%" }} min={0} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Drawer>
  );
}
