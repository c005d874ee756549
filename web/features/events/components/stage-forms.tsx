import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { audienceMethods, eventThemes } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { useCreateTeam, useCulturalTeams, useLogPerformance, useVenues } from "../api/stage.ts";

/** 登记演出: a performance with its team, theme and audience, and how the audience was counted. */
export function PerformanceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const venues = useVenues();
  const teams = useCulturalTeams();
  const log = useLogPerformance();
  const submit = async () => {
    const v = form.getFieldsValue(true) as {
      venueId?: number;
      teamId?: number;
      title?: string;
      theme?: string[];
      performedAt?: Dayjs;
      audience?: number;
      audienceMethod?: string;
    };
    try {
      await log.mutateAsync({
        venueId: v.venueId ?? venues.data?.[0]?.id ?? 0,
        teamId: v.teamId ?? 0,
        title: v.title ?? "",
        theme: v.theme?.[0] ?? "",
        performedAt: v.performedAt?.toISOString() ?? "",
        audience: v.audience ?? -1,
        audienceMethod: v.audienceMethod ?? "head_count",
      });
      message.success(t("stage.performanceLogged"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={log.isPending} title={t("stage.logPerformance")} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ audienceMethod: "head_count" }}>
        <Form.Item name="teamId" label={t("stage.team")} required>
          <Select options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t("stage.bookingTitle")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="theme" label={t("stage.theme")} required>
          <Select mode="tags" maxCount={1} options={eventThemes.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="performedAt" label={t("stage.performedAt")} required>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="audience" label={t("stage.audience")} required>
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="audienceMethod" label={t("counts.method")} required>
          <Select options={audienceMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 新建文艺团队: its name and what it does; members are added to it afterwards. */
export function TeamModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateTeam();
  const submit = async () => {
    const v = form.getFieldsValue(true) as { name?: string; description?: string };
    try {
      await create.mutateAsync({ name: v.name ?? "", description: v.description });
      message.success(t("stage.teamCreated"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} title={t("stage.newTeam")} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t("stage.teamName")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
