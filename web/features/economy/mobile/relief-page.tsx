import { Button, DotLoading, ErrorBlock, Form, Input, List, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { formatYuan, yuanToFen } from "../../../app/money.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { type MyRelief, useApplyForRelief, useMyRelief } from "../api/mine.ts";

type OpenPolicy = MyRelief["policies"][number];

function ApplyForm({ policy, onDone }: { policy: OpenPolicy; onDone: () => void }) {
  const { t } = useTranslation("economy");
  const apply = useApplyForRelief();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const submit = async () => {
    const yuan = Number(amount);
    if (!Number.isFinite(yuan) || yuan <= 0) {
      Toast.show({ icon: "fail", content: t("m.amountInvalid") });
      return;
    }
    try {
      await apply.mutateAsync({ policyId: policy.id, requestedFen: yuanToFen(yuan), reason: reason || null });
      Toast.show({ icon: "success", content: t("m.applied") });
      onDone();
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  return (
    <Form layout="vertical" data-testid={`relief-form-${policy.id}`}>
      <Form.Item label={t("m.amount", { cap: formatYuan(policy.capFen) })}>
        <Input type="number" inputMode="decimal" value={amount} onChange={setAmount} placeholder="0.00" data-testid="relief-amount" />
      </Form.Item>
      <Form.Item label={t("field.reason")}>
        <TextArea value={reason} onChange={setReason} rows={2} maxLength={500} data-testid="relief-reason" />
      </Form.Item>
      <Button block color="primary" loading={apply.isPending} onClick={submit} data-testid="relief-submit">
        {t("m.submit")}
      </Button>
    </Form>
  );
}

/** 政策帮扶: the open policies the merchant may apply for, with their guide, and the merchant's applications. */
export default function ReliefPage() {
  const { t } = useTranslation("economy");
  const mine = useMyRelief();
  const [applying, setApplying] = useState<number | null>(null);
  const data = mine.data;
  const applied = new Set(
    (data?.applications ?? []).filter((a) => a.status !== "withdrawn" && a.status !== "rejected").map((a) => a.policyId),
  );
  return (
    <PageShell title={t("entry.relief")}>
      {mine.isError && <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />}
      {mine.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <div className="dd-muted" style={{ margin: "16px 16px 0", fontSize: 14 }}>
            {t("m.open")}
          </div>
          {(data?.policies ?? []).length === 0 && <ErrorBlock status="empty" title={t("m.noPolicies")} description="" />}
          {(data?.policies ?? []).map((p) => (
            <List mode="card" key={p.id} data-testid={`policy-${p.id}`}>
              <List.Item
                description={
                  <div style={{ display: "grid", gap: 4, fontSize: 14, lineHeight: 1.6 }}>
                    <span>{`${t("field.beneficiaries")}：${p.beneficiaries}`}</span>
                    <span>{`${t("field.conditions")}：${p.conditions}`}</span>
                    <span>{`${t("field.amounts")}：${p.amounts}`}</span>
                    <span>{`${t("field.whereToApply")}：${p.whereToApply} · ${p.contact}`}</span>
                    <span>{`${t("field.deadline")}：${formatDate(p.deadline)}`}</span>
                  </div>
                }
                extra={
                  applied.has(p.id) ? (
                    <Tag color="primary">{t("m.alreadyApplied")}</Tag>
                  ) : p.eligible ? (
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => setApplying(applying === p.id ? null : p.id)}
                      data-testid={`apply-${p.id}`}
                    >
                      {t("m.apply")}
                    </Button>
                  ) : (
                    <Tag color="default">{t("m.notEligible")}</Tag>
                  )
                }
              >
                <div style={{ fontWeight: 600 }}>{p.title}</div>
              </List.Item>
              {applying === p.id && (
                <List.Item>
                  <ApplyForm policy={p} onDone={() => setApplying(null)} />
                </List.Item>
              )}
            </List>
          ))}
          <div className="dd-muted" style={{ margin: "16px 16px 0", fontSize: 14 }}>
            {t("m.mine")}
          </div>
          {(data?.applications ?? []).length === 0 && <ErrorBlock status="empty" title={t("m.noApplications")} description="" />}
          <List mode="card" data-testid="relief-applications">
            {(data?.applications ?? []).map((a) => (
              <List.Item
                key={a.id}
                description={`${formatDate(a.appliedAt)} · ${t("m.requested")} ${formatYuan(a.requestedFen)}${a.disbursedFen !== null ? ` · ${t("m.disbursed")} ${formatYuan(a.disbursedFen)}` : ""}`}
                extra={<Tag data-testid={`relief-status-${a.id}`}>{t(`reliefStatus.${a.status}`)}</Tag>}
              >
                {a.policyTitle}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </PageShell>
  );
}
