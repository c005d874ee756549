import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, translateValidation } from "../../../app/form-errors.ts";
import { formatYuan, yuanToFen } from "../../../app/money.ts";
import { useItems } from "../api/list-items.ts";
import { useRecordReweigh } from "../api/record-reweigh.ts";
import { useScaleStalls } from "../api/scale-stalls.ts";
import type { Reweigh } from "../api/types.ts";
import { judge } from "./judge.ts";

interface Values {
  stallId?: number;
  goods?: string;
  claimedGrams?: number;
  actualGrams?: number;
  unitPriceYuan?: number;
  shopperName?: string;
  scaleItemId?: number;
  wantsRedress?: boolean;
  note?: string;
}

/** 登记复秤: a shopper's re-weigh entered at the station's fair scale. */
export function ReweighForm() {
  const { t } = useTranslation("lending");
  const [form] = Form.useForm<Values>();
  const stalls = useScaleStalls();
  const scales = useItems({ kind: "scale", pageSize: 50 });
  const record = useRecordReweigh();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Reweigh | null>(null);
  const v = Form.useWatch([], form) ?? {};
  // The station's first fair scale is the one at the door: chosen unless staff say otherwise.
  const firstScale = scales.data?.items.find((s) => s.status !== "retired")?.id;
  useEffect(() => {
    if (firstScale && form.getFieldValue("scaleItemId") === undefined) form.setFieldValue("scaleItemId", firstScale);
  }, [firstScale, form]);
  const preview = judge(v.claimedGrams, v.actualGrams, v.unitPriceYuan ? yuanToFen(v.unitPriceYuan) : 0);

  const submit = async () => {
    setFailure(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const saved = await record.mutateAsync({
        stallId: values.stallId as number,
        goods: values.goods ?? "",
        claimedGrams: values.claimedGrams as number,
        actualGrams: values.actualGrams as number,
        unitPriceFen: yuanToFen(values.unitPriceYuan),
        shopperName: values.shopperName || null,
        scaleItemId: values.scaleItemId ?? null,
        wantsRedress: Boolean(values.wantsRedress),
        note: values.note || null,
      });
      setDone(saved);
    } catch (error) {
      // The form asks for yuan; the API names the price in fen.
      if (error instanceof ApiError) for (const f of error.fields) if (f.field === "unitPriceFen") f.field = "unitPriceYuan";
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  if (done)
    return (
      <Card>
        <Result
          status={done.outcome === "short" ? "warning" : "success"}
          title={
            done.outcome === "short"
              ? t("scale.doneShort", { short: done.shortGrams, money: formatYuan(done.overchargeFen) })
              : t("scale.doneFair")
          }
          subTitle={
            <span data-testid="reweigh-result" data-outcome={done.outcome}>
              {done.stallCode} · {done.merchantName} · {done.goods}
              {done.problemCode && (
                <>
                  {" · "}
                  <Link to={`/problems/${done.problemId}`} data-testid="reweigh-problem">
                    {t("scale.doneProblem", { code: done.problemCode })}
                  </Link>
                </>
              )}
            </span>
          }
          extra={
            <Button
              type="primary"
              onClick={() => {
                setDone(null);
                form.resetFields();
              }}
            >
              {t("mobile.again")}
            </Button>
          }
        />
      </Card>
    );

  const positive = [{ required: true, message: translateValidation("v.required") }];
  return (
    <Card>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" style={{ maxWidth: 880 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="stallId" label={t("scale.stall")} rules={positive}>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                placeholder={t("scale.stallPlaceholder")}
                loading={stalls.isPending}
                options={(stalls.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.merchantName}` }))}
                data-testid="reweigh-stall"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="goods" label={t("scale.goods")} rules={positive}>
              <Input maxLength={50} placeholder={t("scale.goodsPlaceholder")} data-testid="reweigh-goods" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="claimedGrams" label={t("scale.claimed")} rules={positive}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} data-testid="reweigh-claimed" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="actualGrams" label={t("scale.actual")} rules={positive}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} data-testid="reweigh-actual" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitPriceYuan" label={t("scale.unitPrice")} rules={positive}>
              <InputNumber min={0.01} max={100000} precision={2} prefix="¥" style={{ width: "100%" }} data-testid="reweigh-price" />
            </Form.Item>
          </Col>
          <Col span={24}>
            {preview ? (
              <Alert
                type={preview.outcome === "short" ? "warning" : "success"}
                showIcon
                data-testid="reweigh-preview"
                title={
                  preview.outcome === "short"
                    ? t("scale.previewShort", {
                        short: preview.short,
                        tolerance: preview.tolerance,
                        money: formatYuan(preview.overchargeFen),
                      })
                    : t("scale.previewFair", { tolerance: preview.tolerance })
                }
                description={t("scale.toleranceRule")}
                style={{ marginBottom: 16 }}
              />
            ) : (
              <Typography.Paragraph type="secondary">{t("scale.toleranceRule")}</Typography.Paragraph>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shopperName" label={t("scale.shopper")}>
              <Input maxLength={50} placeholder={t("scale.shopperPlaceholder")} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scaleItemId" label={t("scale.scaleItem")}>
              <Select allowClear options={(scales.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="wantsRedress" valuePropName="checked" extra={t("scale.redressHint")}>
              <Checkbox data-testid="reweigh-redress">{t("scale.redress")}</Checkbox>
            </Form.Item>
            <Form.Item name="note" label={t("scale.note")}>
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" size="large" onClick={submit} loading={record.isPending} data-testid="reweigh-submit">
          {t("scale.submit")}
        </Button>
      </Form>
    </Card>
  );
}
