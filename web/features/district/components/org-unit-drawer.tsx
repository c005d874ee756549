// Adding or editing a street, community or station: the contract's schema checks the fields before sending, the
// server's field errors land on the fields, and saving asks for confirmation (the change is audited).
import { Alert, App, Button, Drawer, Form, Input, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrgUnitDetail, orgUnitCreateSchema, orgUnitUpdateSchema } from "../../../../contracts/org.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateOrgUnit, useUpdateOrgUnit } from "../api/org-units.ts";

interface Values {
  name?: string;
  code?: string;
  address?: string;
}

export type OrgDrawerState =
  | { mode: "create"; parent: OrgUnitDetail; kind: "street" | "community" | "station" }
  | { mode: "edit"; unit: OrgUnitDetail }
  | null;

export function OrgUnitDrawer({
  state,
  onClose,
  onSaved,
}: {
  state: OrgDrawerState;
  onClose: () => void;
  onSaved: (unit: OrgUnitDetail) => void;
}) {
  const { t } = useTranslation("district");
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [failure, setFailure] = useState<string | null>(null);
  const kind = state ? (state.mode === "create" ? state.kind : state.unit.kind) : "station";
  const kindWord = t(`org.kinds.${kind}`);

  useEffect(() => {
    if (!state) return;
    setFailure(null);
    form.resetFields();
    if (state.mode === "edit") form.setFieldsValue({ name: state.unit.name, code: state.unit.code, address: state.unit.address ?? "" });
  }, [state, form]);

  const save = async () => {
    if (!state) return;
    const v = form.getFieldsValue();
    const body = { name: v.name ?? "", code: v.code ?? "", address: v.address || null };
    const checked =
      state.mode === "create"
        ? validateWith(orgUnitCreateSchema, { ...body, parentId: state.parent.id, kind: state.kind }, form)
        : validateWith(orgUnitUpdateSchema, { ...body, version: state.unit.version }, form);
    if (!checked.ok) return;
    const confirmed = await modal.confirm({
      title:
        state.mode === "create"
          ? t("org.confirmCreate", { parent: state.parent.name, kind: kindWord, name: body.name.trim() })
          : t("org.confirmEdit", { name: state.unit.name }),
      content: t("org.confirmHint"),
      okText: t("common:action.save"),
      cancelText: t("common:action.cancel"),
    });
    if (!confirmed) return;
    setFailure(null);
    try {
      const saved =
        state.mode === "create"
          ? await create.mutateAsync(checked.data as Parameters<typeof create.mutateAsync>[0])
          : await update.mutateAsync({ id: state.unit.id, input: checked.data as Parameters<typeof update.mutateAsync>[0]["input"] });
      message.success(t("common:saved"));
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") setFailure(error.message);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={state !== null}
      onClose={onClose}
      size={480}
      title={state?.mode === "edit" ? t("org.editTitle", { kind: kindWord }) : t("org.createTitle", { kind: kindWord })}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={save} loading={create.isPending || update.isPending} data-testid="org-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="org-form">
        {state?.mode === "create" && (
          <Form.Item label={t("org.field.parent")}>
            <Input value={`${t(`org.kinds.${state.parent.kind}`)} · ${state.parent.name}`} disabled />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("org.field.name")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t("org.field.code")} required extra={t("org.codeHint")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="address" label={t("org.field.address")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
