import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { type DevelopmentCase, type DevelopmentStep, developmentSteps, stepRecordSchema } from "../../../../contracts/party.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useRecordStep } from "../api/record-step.ts";
import { stepNeeds, stepNumber } from "./labels.ts";
import { MemberPicker } from "./member-picker.tsx";

interface Values {
  step?: DevelopmentStep;
  on?: Dayjs | null;
  note?: string;
  memberIds?: number[];
  entitled?: number | null;
  present?: number | null;
  inFavour?: number | null;
  against?: number | null;
  abstain?: number | null;
  conclusion?: string;
  publicityUntil?: Dayjs | null;
}

/** The live majority check: more than half of those entitled to vote must be in favour. */
export function VoteIndicator({ inFavour, entitled }: { inFavour: number; entitled: number }) {
  const { t } = useTranslation("party");
  const passed = entitled > 0 && inFavour * 2 > entitled;
  return (
    <Tag color={passed ? "success" : "error"} style={{ fontSize: 14, padding: "4px 10px" }} data-testid="vote-indicator">
      {t(passed ? "case.majority" : "case.noMajority", { inFavour, entitled })}
    </Tag>
  );
}

/** Record the next step; the fields follow the step. A refusal shows the rule the server names. */
export function StepForm({ record }: { record: DevelopmentCase }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useRecordStep();
  const [refusal, setRefusal] = useState<{ title: string; rule: string } | null>(null);
  const step = Form.useWatch("step", form) ?? record.next?.step;
  const inFavour = Form.useWatch("inFavour", form) ?? 0;
  const entitled = Form.useWatch("entitled", form) ?? 0;
  const nextStep = record.next?.step;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ step: nextStep, on: dayjs(stationDate(new Date())) });
  }, [form, nextStep]);

  const recorded = new Set(record.steps.map((s) => s.step));
  const stepOptions = developmentSteps
    .filter((s) => !recorded.has(s) || s === "activist_review" || s === nextStep)
    .map((s) => ({ value: s, label: `${stepNumber(s)}. ${t(`step.${s}`)}` }));

  const submit = async () => {
    setRefusal(null);
    const v = form.getFieldsValue();
    if (!v.step) return;
    const input = {
      step: v.step,
      on: v.on?.format("YYYY-MM-DD") ?? "",
      note: v.note || null,
      ...(stepNeeds.members.includes(v.step) ? { memberIds: v.memberIds ?? [] } : {}),
      ...(stepNeeds.vote.includes(v.step)
        ? {
            vote: {
              entitled: v.entitled ?? 0,
              present: v.present ?? 0,
              inFavour: v.inFavour ?? 0,
              against: v.against ?? 0,
              abstain: v.abstain ?? 0,
            },
          }
        : {}),
      ...(stepNeeds.conclusion.includes(v.step) ? { conclusion: v.conclusion || null } : {}),
      ...(stepNeeds.publicity.includes(v.step) && v.publicityUntil ? { publicityUntil: v.publicityUntil.format("YYYY-MM-DD") } : {}),
      version: record.version,
    };
    const checked = validateWith(stepRecordSchema, input, form);
    if (!checked.ok) {
      if (checked.unplaced.length) setRefusal({ title: checked.unplaced.join("；"), rule: "" });
      return;
    }
    try {
      await mutation.mutateAsync({ id: record.id, input: checked.data });
      message.success(t("case.recorded", { step: t(`step.${v.step}`) }));
    } catch (error) {
      if (error instanceof ApiError && (error.id === "development.rule" || error.id === "development.out_of_order"))
        setRefusal({ title: t("case.refused"), rule: error.message });
      else if (error instanceof ApiError && error.id === "record.conflict") setRefusal({ title: t("case.conflict"), rule: error.message });
      else if (!applyServerErrors(error, form)) setRefusal({ title: errorMessage(error), rule: "" });
    }
  };

  return (
    <Form form={form} layout="vertical" onValuesChange={() => undefined} data-testid="step-form">
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.title}
          description={refusal.rule ? <div style={{ fontSize: 15, fontWeight: 500, color: "#a8071a" }}>{refusal.rule}</div> : undefined}
          closable={{ onClose: () => setRefusal(null) }}
          style={{ marginBottom: 16 }}
          data-testid="rule-refusal"
        />
      )}
      <Form.Item name="step" label={t("case.next")} required>
        <Select
          options={stepOptions}
          showSearch={{ optionFilterProp: "label" }}
          virtual={false}
          data-testid="step-select"
          onChange={() => setRefusal(null)}
        />
      </Form.Item>
      <Form.Item name="on" label={t("field.on")} required>
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.format("YYYY-MM-DD") > stationDate(new Date())}
          data-testid="step-on"
        />
      </Form.Item>
      {step && stepNeeds.members.includes(step) && (
        <Form.Item name="memberIds" label={step === "contacts_assigned" ? t("case.contacts") : t("case.introducers")} required>
          <MemberPicker branchId={record.branchId} max={2} fullOnly testId="step-members" />
        </Form.Item>
      )}
      {step && stepNeeds.vote.includes(step) && (
        <div style={{ marginBottom: 16 }}>
          <div style={{ marginBottom: 8 }}>{t("case.vote")}</div>
          <Row gutter={8}>
            {(["entitled", "present", "inFavour", "against", "abstain"] as const).map((key) => (
              <Col span={key === "entitled" || key === "present" ? 12 : 8} key={key}>
                <Form.Item name={key} label={t(`case.${key}`)} required style={{ marginBottom: 8 }}>
                  <InputNumber min={0} precision={0} style={{ width: "100%" }} data-testid={`vote-${key}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <VoteIndicator inFavour={inFavour} entitled={entitled} />
          <div style={{ color: "#595959", fontSize: 12, marginTop: 6 }}>{t("case.voteRule")}</div>
        </div>
      )}
      {step && stepNeeds.conclusion.includes(step) && (
        <Form.Item name="conclusion" label={t("case.conclusion")}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="step-conclusion" />
        </Form.Item>
      )}
      {step && stepNeeds.publicity.includes(step) && (
        <Form.Item name="publicityUntil" label={t("case.publicityUntil")} required>
          <DatePicker style={{ width: "100%" }} data-testid="step-publicity" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="step-note" />
      </Form.Item>
      <Button type="primary" block onClick={submit} loading={mutation.isPending} data-testid="step-submit">
        {t("case.record")}
      </Button>
    </Form>
  );
}
