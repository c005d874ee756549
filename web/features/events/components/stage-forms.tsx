import { App, DatePicker, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { audienceMethods, eventThemes } from "../../../../contracts/events.ts";
import { useMerchants } from "../../../api/list-merchants.ts";
import { useResidents } from "../../../api/list-residents.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import {
  type CulturalTeam,
  useAddBlock,
  useAddMember,
  useCreateTeam,
  useCulturalTeams,
  useLogPerformance,
  useVenues,
  type Venue,
} from "../api/stage.ts";

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

/** A cultural team's members (residents and merchants of the station), and one more added by search. */
export function TeamDrawer({ team, onClose }: { team: CulturalTeam | null; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [kind, setKind] = useState<"resident" | "merchant">("resident");
  const [q, setQ] = useState("");
  const residents = useResidents({ page: 1, pageSize: 20, q: q || undefined });
  const merchants = useMerchants({ page: 1, pageSize: 20, q: q || undefined });
  const add = useAddMember(team?.id ?? 0);
  const teams = useCulturalTeams();
  const current = teams.data?.find((x) => x.id === team?.id) ?? team;
  const options = (kind === "resident" ? (residents.data?.items ?? []) : (merchants.data?.items ?? [])).map((p) => ({
    value: p.id,
    label: p.name,
  }));
  const pick = async (id: number) => {
    try {
      await add.mutateAsync({
        memberKind: kind,
        residentId: kind === "resident" ? id : null,
        merchantId: kind === "merchant" ? id : null,
        role: "member",
      });
      message.success(t("stage.memberAdded"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Drawer open={team !== null} onClose={onClose} size={520} title={current?.name ?? ""} destroyOnHidden>
      {current && (
        <>
          {current.description && <Typography.Paragraph type="secondary">{current.description}</Typography.Paragraph>}
          <Space style={{ marginBottom: 12 }} wrap>
            <Select
              value={kind}
              onChange={setKind}
              style={{ width: 100 }}
              options={[
                { value: "resident", label: t("stage.resident") },
                { value: "merchant", label: t("stage.merchant") },
              ]}
            />
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              value={null}
              placeholder={t("stage.addMember")}
              style={{ width: 260 }}
              options={options}
              onChange={(id: number) => pick(id)}
              loading={add.isPending}
            />
          </Space>
          <List
            size="small"
            bordered
            dataSource={current.members}
            renderItem={(m) => (
              <List.Item>
                {m.name} <Tag>{t(`stage.${m.memberKind}`)}</Tag>
                {m.role === "leader" && <Tag color="red">{t("stage.leader")}</Tag>}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

/** 停用时段: the venue closed from–to, with its reason (bookings are refused then). */
export function BlockModal({ venue, open, onClose }: { venue: Venue | undefined; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useAddBlock(venue?.id ?? 0);
  const submit = async () => {
    const v = form.getFieldsValue(true) as { window?: [Dayjs, Dayjs]; reason?: string };
    try {
      await add.mutateAsync({
        startsAt: v.window?.[0]?.toISOString() ?? "",
        endsAt: v.window?.[1]?.toISOString() ?? "",
        reason: v.reason ?? "",
      });
      message.success(t("stage.blockAdded"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={add.isPending} title={t("stage.addBlock")} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="window" label={t("stage.blockWindow")} required>
          <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="reason" label={t("stage.blockReason")} required>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
