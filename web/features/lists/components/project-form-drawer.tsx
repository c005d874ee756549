import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Project, projectCreateSchema } from "../../../../contracts/lists.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateProject } from "../api/create-project.ts";
import { useNeeds } from "../api/list-needs.ts";

interface Values {
  stationId?: number;
  name?: string;
  description?: string;
  ownerUnitId?: number;
  participantUnitIds?: number[];
  budgetYuan?: number;
  fundingSources?: { source?: string; amountYuan?: number }[];
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  needIds?: number[];
}

/** Open a project from matched needs: owner unit, participants, budget (entered in yuan, kept in fen), funding. */
export function ProjectFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved?: (p: Project) => void }) {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const needs = useNeeds({ page: 1, pageSize: 200 }, open);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({
      fundingSources: [],
      participantUnitIds: [],
      needIds: [],
      stationId: me.stations.length === 1 ? me.stations[0].id : undefined,
    });
  }, [open, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      name: v.name ?? "",
      description: v.description || null,
      ownerUnitId: v.ownerUnitId,
      participantUnitIds: v.participantUnitIds ?? [],
      budgetFen: v.budgetYuan == null ? undefined : yuanToFen(v.budgetYuan),
      fundingSources: (v.fundingSources ?? []).map((f) => ({ source: f?.source ?? "", amountFen: yuanToFen(f?.amountYuan) })),
      startDate: v.startDate ? v.startDate.format("YYYY-MM-DD") : "",
      endDate: v.endDate ? v.endDate.format("YYYY-MM-DD") : null,
      needIds: v.needIds ?? [],
      ...(v.stationId ? { stationId: v.stationId } : {}),
    };
    const checked = validateWith(projectCreateSchema, input, form);
    if (!checked.ok) {
      // Money fields are entered in yuan: carry the fen field's message over to them.
      const budget = form.getFieldError("budgetFen" as never);
      if (budget.length) form.setFields([{ name: "budgetYuan", errors: budget }]);
      return;
    }
    try {
      const saved = await create.mutateAsync(checked.data);
      message.success(t("project.created"));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      title={t("project.create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending}>
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("project.name")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="ownerUnitId" label={t("project.ownerUnit")} required>
              <Select showSearch={{ optionFilterProp: "label" }} options={unitOptions} loading={units.isPending} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="budgetYuan" label={t("project.budgetYuan")} required>
              <InputNumber min={0} precision={2} style={{ width: "100%" }} prefix="¥" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="budgetFen" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="participantUnitIds" label={t("project.participants")}>
          <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} options={unitOptions} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startDate" label={t("project.startDate")} required>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label={t("project.endDate")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t("project.fundingSources")}>
          <Form.List name="fundingSources">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: "flex", marginBottom: 4 }}>
                    <Form.Item name={[field.name, "source"]} style={{ marginBottom: 8 }}>
                      <Input placeholder={t("project.fundingSource")} style={{ width: 300 }} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, "amountYuan"]} style={{ marginBottom: 8 }}>
                      <InputNumber min={0} precision={2} prefix="¥" placeholder={t("project.amountYuan")} style={{ width: 200 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t("common:action.delete")} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                  {t("project.addFunding")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="needIds" label={t("project.needs")}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={needs.isPending}
            options={(needs.data?.items ?? [])
              .filter((n) => n.status === "open" || n.status === "matched")
              .map((n) => ({ value: n.id, label: n.title }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
