import { Button, CheckList, Form, Input, List, NoticeBar, Popup, Result, SearchBar, Switch, Tag } from "antd-mobile";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../app/api-client.ts";
import { translateValidation } from "../../app/form-errors.ts";
import { formatYuan, yuanToFen } from "../../app/money.ts";
import { useMyReweighs } from "../../features/lending/api/my-reweighs.ts";
import { useRecordReweigh } from "../../features/lending/api/record-reweigh.ts";
import { useScaleStalls } from "../../features/lending/api/scale-stalls.ts";
import type { Reweigh } from "../../features/lending/api/types.ts";
import { judge } from "../../features/lending/components/judge.ts";
import { PageShell } from "../page-shell.tsx";

const num = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** 公平秤复秤: the shopper re-weighs a purchase at the fair scale and records it; short weight can ask for redress. */
export default function ReweighPage() {
  const { t } = useTranslation("lending");
  const navigate = useNavigate();
  const stalls = useScaleStalls();
  const mine = useMyReweighs();
  const record = useRecordReweigh();
  const [stallId, setStallId] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [search, setSearch] = useState("");
  const [goods, setGoods] = useState("");
  const [claimed, setClaimed] = useState("");
  const [actual, setActual] = useState("");
  const [price, setPrice] = useState("");
  const [redress, setRedress] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Reweigh | null>(null);
  const stall = stalls.data?.find((s) => s.id === stallId);
  const preview = judge(num(claimed), num(actual), price ? yuanToFen(Number(price)) : 0);

  const submit = async () => {
    setFailure(null);
    const local: Record<string, string> = {};
    const required = translateValidation("v.required");
    const positive = (text: string, field: string, integer: boolean) => {
      const n = num(text);
      if (n === undefined) local[field] = required;
      else if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) local[field] = translateValidation("v.number_range");
    };
    if (!stallId) local.stallId = required;
    if (!goods.trim()) local.goods = required;
    positive(claimed, "claimedGrams", true);
    positive(actual, "actualGrams", true);
    positive(price, "unitPriceFen", false);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const saved = await record.mutateAsync({
        stallId: stallId as number,
        goods: goods.trim(),
        claimedGrams: Number(claimed),
        actualGrams: Number(actual),
        unitPriceFen: yuanToFen(Number(price)),
        wantsRedress: redress,
      });
      setDone(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) {
        const next: Record<string, string> = {};
        for (const f of error.fields) next[f.field] = error.id === "request.invalid" ? f.message : error.message;
        setErrors(next);
      }
      setFailure(errorMessage(error));
    }
  };

  const err = (key: string) =>
    errors[key] ? <div style={{ color: "var(--adm-color-danger)", fontSize: 13, marginTop: 4 }}>{errors[key]}</div> : null;

  if (done)
    return (
      <PageShell title={t("mobile.reweighTitle")}>
        <Result
          status={done.outcome === "short" ? "warning" : "success"}
          title={
            done.outcome === "short"
              ? t("scale.doneShort", { short: done.shortGrams, money: formatYuan(done.overchargeFen) })
              : t("scale.doneFair")
          }
          description={
            done.problemCode
              ? t("scale.doneProblem", { code: done.problemCode })
              : `${done.stallCode ?? ""} ${done.merchantName} · ${done.goods}`
          }
        />
        <div style={{ padding: 16, display: "grid", gap: 12 }}>
          {done.problemId && (
            <Button block color="primary" size="large" onClick={() => navigate(`/problems/${done.problemId}`)}>
              {t("mobile.viewProblem")}
            </Button>
          )}
          <Button
            block
            size="large"
            onClick={() => {
              setDone(null);
              setGoods("");
              setClaimed("");
              setActual("");
              setPrice("");
              setRedress(false);
            }}
          >
            {t("mobile.again")}
          </Button>
        </div>
      </PageShell>
    );

  const shown = (stalls.data ?? []).filter(
    (s) => !search || s.code.toLowerCase().includes(search.toLowerCase()) || s.merchantName.includes(search),
  );

  return (
    <PageShell title={t("mobile.reweighTitle")}>
      <NoticeBar content={t("mobile.reweighIntro")} color="info" wrap />
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <Form layout="vertical" mode="card">
        <Form.Item label={t("mobile.chooseStall")} required onClick={() => setPicking(true)} arrowIcon data-testid="m-reweigh-stall">
          {stall ? `${stall.code} · ${stall.merchantName}` : <span className="dd-muted">{t("mobile.pickStall")}</span>}
          {err("stallId")}
        </Form.Item>
        <Form.Item label={t("scale.goods")} required>
          <Input
            value={goods}
            onChange={setGoods}
            maxLength={50}
            placeholder={t("scale.goodsPlaceholder")}
            clearable
            data-testid="m-reweigh-goods"
          />
          {err("goods")}
        </Form.Item>
        <Form.Item label={t("scale.claimed")} required>
          <Input
            type="number"
            inputMode="numeric"
            value={claimed}
            onChange={setClaimed}
            placeholder="1000"
            data-testid="m-reweigh-claimed"
          />
          {err("claimedGrams")}
        </Form.Item>
        <Form.Item label={t("scale.actual")} required>
          <Input type="number" inputMode="numeric" value={actual} onChange={setActual} placeholder="1000" data-testid="m-reweigh-actual" />
          {err("actualGrams")}
        </Form.Item>
        <Form.Item label={t("scale.unitPrice")} required>
          <Input type="number" inputMode="decimal" value={price} onChange={setPrice} placeholder="12.00" data-testid="m-reweigh-price" />
          {err("unitPriceFen")}
        </Form.Item>
        {preview && (
          <Form.Item>
            <div
              data-testid="m-reweigh-preview"
              style={{
                fontSize: 16,
                fontWeight: 600,
                color: preview.outcome === "short" ? "var(--adm-color-danger)" : "var(--adm-color-success)",
              }}
            >
              {preview.outcome === "short"
                ? t("scale.previewShort", { short: preview.short, tolerance: preview.tolerance, money: formatYuan(preview.overchargeFen) })
                : t("scale.previewFair", { tolerance: preview.tolerance })}
            </div>
            <div className="dd-muted" style={{ fontSize: 13, marginTop: 4 }}>
              {t("scale.toleranceRule")}
            </div>
          </Form.Item>
        )}
        <Form.Item label={t("scale.redress")} description={t("scale.redressHint")} childElementPosition="right">
          <Switch checked={redress} onChange={setRedress} data-testid="m-reweigh-redress" />
        </Form.Item>
      </Form>
      <div style={{ padding: "0 12px 12px" }}>
        <Button block color="primary" size="large" loading={record.isPending} onClick={submit} data-testid="m-reweigh-submit">
          {t("scale.submit")}
        </Button>
      </div>
      <List header={t("mobile.mine")} mode="card">
        {(mine.data ?? []).length === 0 ? (
          <List.Item>
            <span className="dd-muted">{t("mobile.mineEmpty")}</span>
          </List.Item>
        ) : (
          (mine.data ?? []).slice(0, 10).map((w) => (
            <List.Item
              key={w.id}
              description={`${dayjs(w.createdAt).format("MM-DD HH:mm")} · ${w.claimedGrams} → ${w.actualGrams} g`}
              extra={<Tag color={w.outcome === "short" ? "danger" : "success"}>{t(`scale.outcome.${w.outcome}`)}</Tag>}
              onClick={w.problemId ? () => navigate(`/problems/${w.problemId}`) : undefined}
            >
              {w.goods} · {w.stallCode} {w.merchantName}
            </List.Item>
          ))
        )}
      </List>
      <Popup
        visible={picking}
        onMaskClick={() => setPicking(false)}
        bodyStyle={{ height: "70vh", display: "flex", flexDirection: "column" }}
      >
        <div style={{ padding: 12 }}>
          <SearchBar placeholder={t("mobile.searchStall")} value={search} onChange={setSearch} />
        </div>
        <div style={{ overflowY: "auto", flex: 1 }}>
          <CheckList
            value={stallId ? [String(stallId)] : []}
            onChange={(v) => {
              setStallId(v[0] ? Number(v[0]) : null);
              setPicking(false);
            }}
          >
            {shown.map((s) => (
              <CheckList.Item key={s.id} value={String(s.id)}>
                {s.code} · {s.merchantName}
              </CheckList.Item>
            ))}
          </CheckList>
        </div>
      </Popup>
    </PageShell>
  );
}
