import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Steps,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import { shopActionSchema } from "../../../../contracts/caring.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { FindingsCard } from "../../../components/findings-card.tsx";
import { useShop } from "../api/get-shop.ts";
import { type ShopAction, useShopAction } from "../api/shop-action.ts";
import type { CaringShop } from "../api/types.ts";
import { formatRate, shopStatusColour } from "../components/labels.ts";
import { StatusTag } from "../components/status-tag.tsx";

type ActionKind = "inspect_pass" | "inspect_fail" | "certify" | "review_pass" | "review_fail" | "suspend" | "reinstate" | "revoke";

function actionsFor(status: CaringShop["status"]): ActionKind[] {
  switch (status) {
    case "applied":
      return ["inspect_pass", "inspect_fail"];
    case "inspected":
      return ["certify", "inspect_fail"];
    case "certified":
      return ["review_pass", "review_fail", "suspend", "revoke"];
    case "suspended":
      return ["reinstate", "revoke"];
    default:
      return [];
  }
}

interface Values {
  text?: string;
  ratePercent?: number;
  plaqueDate?: Dayjs | null;
}

function ShopActionModal({ shop, kind, onClose }: { shop: CaringShop; kind: ActionKind | null; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useShopAction();
  const ratePercent = Form.useWatch("ratePercent", form);

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    setFailure(null);
    if (kind === "certify") form.setFieldsValue({ ratePercent: 85, plaqueDate: dayjs(stationDate(new Date())) });
  }, [kind, form]);

  const submit = async () => {
    if (!kind) return;
    setFailure(null);
    const v = form.getFieldsValue();
    const version = shop.version;
    const text = v.text ?? "";
    const input =
      kind === "inspect_pass" || kind === "inspect_fail"
        ? { action: "inspect", passed: kind === "inspect_pass", note: text, version }
        : kind === "review_pass" || kind === "review_fail"
          ? { action: "review", passed: kind === "review_pass", note: text, version }
          : kind === "certify"
            ? {
                action: "certify",
                discountRatePermille: Math.round((v.ratePercent ?? 0) * 10),
                plaqueDate: v.plaqueDate?.format("YYYY-MM-DD") ?? "",
                version,
              }
            : kind === "reinstate"
              ? { action: "reinstate", note: text, version }
              : { action: kind, reason: text, version };
    const checked = validateWith(shopActionSchema, input, form);
    if (!checked.ok) {
      const issues = shopActionSchema.safeParse(input);
      if (!issues.success) {
        const fields: { name: keyof Values; errors: string[] }[] = [];
        for (const issue of issues.error.issues) {
          const key = String(issue.path[0]);
          if (key === "note" || key === "reason") fields.push({ name: "text", errors: [t("textRequired")] });
          if (key === "discountRatePermille") fields.push({ name: "ratePercent", errors: [t("shop.rateRule")] });
          if (key === "plaqueDate") fields.push({ name: "plaqueDate", errors: [t("validityRequired")] });
        }
        form.setFields(fields);
      }
      return;
    }
    try {
      await mutation.mutateAsync({ id: shop.id, input: checked.data as ShopAction });
      message.success(t(`shopDone.${kind}`));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") {
        setFailure(error.message);
        return;
      }
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const danger = kind === "inspect_fail" || kind === "review_fail" || kind === "suspend" || kind === "revoke";
  return (
    <Modal
      open={kind !== null}
      title={kind ? t(`shopAction.${kind}`) : ""}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ danger, "data-testid": "shop-action-ok" } as never}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        {kind === "certify" ? (
          <>
            <Form.Item
              name="ratePercent"
              label={t("field.ratePercent")}
              required
              extra={ratePercent ? formatRate(Math.round(ratePercent * 10)) : t("shop.rateRule")}
            >
              <InputNumber min={80} max={85} step={0.5} precision={1} suffix="%" style={{ width: 200 }} data-testid="shop-rate" />
            </Form.Item>
            <Form.Item name="plaqueDate" label={t("field.plaqueDate")} required>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="text" label={kind === "suspend" || kind === "revoke" ? t("field.reason") : t("field.note")} required>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="shop-action-text" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const flow = ["applied", "inspected", "certified"] as const;

/** One caring shop: where it stands in certification, its rate and plaque, and the history of decisions. */
export default function ShopDetailPage() {
  const { t } = useTranslation("caring");
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const shop = useShop(id);
  const [kind, setKind] = useState<ActionKind | null>(null);

  if (shop.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (shop.isError) return <Alert type="error" showIcon title={errorMessage(shop.error)} />;
  const s = shop.data;
  const off = s.status === "rejected" || s.status === "revoked" || s.status === "suspended";
  const current = s.status === "certified" || s.status === "suspended" || s.status === "revoked" ? 2 : flow.indexOf(s.status as never);

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/caring/shops")} aria-label={t("common:action.back")} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {s.merchantName}
          </Typography.Title>
          <StatusTag kind="shopStatus" value={s.status} colours={shopStatusColour} />
          <div style={{ flex: 1 }} />
          {can("caring.manage") && (
            <Space wrap>
              {actionsFor(s.status).map((k) => (
                <Button
                  key={k}
                  type={k === "certify" || k === "inspect_pass" || k === "reinstate" || k === "review_pass" ? "primary" : "default"}
                  danger={k === "inspect_fail" || k === "review_fail" || k === "suspend" || k === "revoke"}
                  onClick={() => setKind(k)}
                  data-testid={`shop-${k}`}
                >
                  {t(`shopAction.${k}`)}
                </Button>
              ))}
            </Space>
          )}
        </div>
        <Steps
          current={current}
          status={off ? "error" : s.status === "certified" ? "finish" : "process"}
          items={[
            { title: t("shopStatus.applied") },
            { title: t("shopStatus.inspected") },
            { title: off ? t(`shopStatus.${s.status}`) : t("shopStatus.certified") },
          ]}
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 20 }} bordered>
          <Descriptions.Item label={t("field.shopCategory")}>{t(`shopCategory.${s.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t("field.rate")}>
            <span data-testid="shop-rate-text">{formatRate(s.discountRatePermille)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("field.plaqueDate")}>{formatDate(s.plaqueDate)}</Descriptions.Item>
          <Descriptions.Item label={t("field.certifiedAt")}>{formatDate(s.certifiedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("field.reviewDue")}>{formatDate(s.reviewDue)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("shop.history")}>
        {s.events.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Timeline
            items={[...s.events].reverse().map((e) => ({
              children: (
                <div>
                  <Typography.Text strong>{t(`shopEvent.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {" "}
                    · {formatDateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ""}
                  </Typography.Text>
                  {e.note && <div>{e.note}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {can("scale.read") && <FindingsCard merchantId={s.merchantId} certification />}
      <ShopActionModal shop={s} kind={kind} onClose={() => setKind(null)} />
    </Space>
  );
}
