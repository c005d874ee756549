import { Button, DotLoading, ErrorBlock, Input, List, NoticeBar, Result, Tabs, Tag } from "antd-mobile";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../contracts/calendar.ts";
import { errorMessage } from "../../app/api-client.ts";
import { formatYuan } from "../../app/money.ts";
import { useMyShop } from "../../features/caring/api/my-shop.ts";
import { useRedeem } from "../../features/caring/api/redeem.ts";
import { type RedemptionInput, usePreviewRedemption } from "../../features/caring/api/redemption-preview.ts";
import { useShopDay } from "../../features/caring/api/shop-day.ts";
import type { Redemption, RedemptionPreview } from "../../features/caring/api/types.ts";
import { formatRate } from "../../features/caring/components/labels.ts";
import { PageShell } from "../page-shell.tsx";

type Mode = "scan" | "code" | "printed";

/** One key per confirmation: a retried request is recorded once; plain-http phones lack crypto.randomUUID. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

function detectorClass(): DetectorConstructor | null {
  return (globalThis as unknown as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector ?? null;
}

/** The phone's back camera read by the browser's BarcodeDetector; `onCode` gets the first QR it sees. */
function Scanner({ onCode, onUnavailable }: { onCode: (token: string) => void; onUnavailable: (reason: string) => void }) {
  const { t } = useTranslation("caring");
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector || !navigator.mediaDevices?.getUserMedia) {
      onUnavailable(t("redeem.noScanner"));
      return;
    }
    let stream: MediaStream | null = null;
    let stopped = false;
    let frame = 0;
    const detector = new Detector({ formats: ["qr_code"] });
    const loop = async () => {
      if (stopped || !video.current) return;
      try {
        if (video.current.readyState >= 2) {
          const found = await detector.detect(video.current);
          if (found[0]?.rawValue) {
            stopped = true;
            onCode(found[0].rawValue);
            return;
          }
        }
      } catch {
        // a frame the detector could not read: try the next
      }
      frame = window.setTimeout(() => void loop(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
        setReady(true);
        void loop();
      })
      .catch(() => onUnavailable(t("redeem.noCamera")));
    return () => {
      stopped = true;
      clearTimeout(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, onUnavailable, t]);

  return (
    <div className="dd-scanner">
      <video ref={video} playsInline muted />
      <div className="dd-scanner-frame" />
      {!ready && (
        <div className="dd-scanner-wait">
          <DotLoading color="white" />
        </div>
      )}
      <div className="dd-scanner-hint">{t("redeem.scanHint")}</div>
    </div>
  );
}

function TodayList() {
  const { t } = useTranslation("caring");
  const today = stationDate(new Date());
  const day = useShopDay(today);
  const items = day.data ?? [];
  const total = items.reduce((sum, r) => sum + r.discountFen, 0);
  return (
    <List
      header={
        <span>
          {t("redeem.today")}
          {items.length > 0 && (
            <span className="dd-muted"> · {t("redeem.todaySummary", { count: items.length, amount: formatYuan(total) })}</span>
          )}
        </span>
      }
      mode="card"
      data-testid="redeem-today"
    >
      {day.isPending && (
        <List.Item>
          <DotLoading />
        </List.Item>
      )}
      {day.isError && <List.Item description={errorMessage(day.error)}>{t("mobile.unavailable")}</List.Item>}
      {!day.isPending && !day.isError && items.length === 0 && <List.Item>{t("redeem.todayEmpty")}</List.Item>}
      {items.map((r: Redemption) => (
        <List.Item
          key={r.id}
          description={`${dayjs(r.createdAt).format("HH:mm")} · ${r.cardNo} · ${t(`method.${r.method}`)}`}
          extra={
            <div style={{ textAlign: "right" }}>
              <div style={{ color: "#333" }}>{formatYuan(r.payFen)}</div>
              <div style={{ color: "#c8161d", fontSize: 13 }}>-{formatYuan(r.discountFen)}</div>
            </div>
          }
        >
          {r.holderName} · {formatYuan(r.amountFen)}
        </List.Item>
      ))}
    </List>
  );
}

/** 核销: the caring shop reads the holder's code (camera, typed code or printed card + PIN), enters the bill,
 * sees the discount and confirms; each confirm carries its own Idempotency-Key. */
export default function RedeemPage() {
  const { t } = useTranslation("caring");
  const shop = useMyShop();
  const preview = usePreviewRedemption();
  const redeem = useRedeem();
  const [mode, setMode] = useState<Mode>(detectorClass() ? "scan" : "code");
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [shortCode, setShortCode] = useState("");
  const [cardNo, setCardNo] = useState("");
  const [pin, setPin] = useState("");
  const [bill, setBill] = useState("");
  const [checked, setChecked] = useState<{ input: RedemptionInput; preview: RedemptionPreview; key: string } | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const amountFen = Math.round(Number(bill.replace(",", ".")) * 100);
  const billOk = /^\d+(\.\d{0,2})?$/.test(bill.trim()) && amountFen >= 1;

  const identity = (): Partial<RedemptionInput> | null => {
    if (mode === "scan") return token ? { token } : null;
    if (mode === "code") return /^\d{6}$/.test(shortCode) ? { shortCode } : null;
    return cardNo.trim() && /^\d{4,6}$/.test(pin) ? { cardNo: cardNo.trim(), pin } : null;
  };

  const reset = () => {
    setToken(null);
    setShortCode("");
    setCardNo("");
    setPin("");
    setBill("");
    setChecked(null);
    setDone(null);
    setFailure(null);
  };

  const runPreview = async () => {
    setFailure(null);
    const who = identity();
    if (!who) {
      setFailure(t(`redeem.need.${mode}`));
      return;
    }
    if (!billOk) {
      setFailure(t("redeem.needBill"));
      return;
    }
    const input = { ...who, amountFen } as RedemptionInput;
    try {
      const result = await preview.mutateAsync(input);
      setChecked({ input, preview: result, key: newKey() });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const confirm = async () => {
    if (!checked) return;
    setFailure(null);
    try {
      setDone(await redeem.mutateAsync({ input: checked.input, idempotencyKey: checked.key }));
      setChecked(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const s = shop.data;
  return (
    <PageShell title={t("redeem.title")}>
      {shop.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : shop.isError || !s ? (
        <ErrorBlock status="default" title={t("redeem.noShop")} description={shop.isError ? errorMessage(shop.error) : ""} />
      ) : (
        s && (
          <div className="dd-hero" style={{ padding: "14px 20px 18px" }}>
            <p>{t(`shopCategory.${s.category}`)}</p>
            <h1 style={{ fontSize: 20 }} data-testid="redeem-shop">
              {s.merchantName}
            </h1>
            <p>
              <span className="dd-gold">{formatRate(s.discountRatePermille)}</span> · {t(`shopStatus.${s.status}`)}
            </p>
          </div>
        )
      )}
      {s && s.status !== "certified" && <NoticeBar color="alert" content={t("redeem.notCertified")} wrap />}

      {done ? (
        <Result
          status="success"
          title={t("redeem.done")}
          description={
            <div data-testid="redeem-done">
              <div style={{ fontSize: 28, color: "#333", margin: "8px 0" }}>{formatYuan(done.payFen)}</div>
              <div>
                {t("redeem.doneDetail", {
                  amount: formatYuan(done.amountFen),
                  discount: formatYuan(done.discountFen),
                  name: done.holderName,
                })}
              </div>
            </div>
          }
        />
      ) : checked ? (
        <List header={t("redeem.preview")} mode="card" data-testid="redeem-preview">
          <List.Item extra={checked.preview.holderName}>{t("field.holder")}</List.Item>
          <List.Item extra={checked.preview.cardNo}>{t("field.cardNo")}</List.Item>
          <List.Item extra={<Tag color="danger">{t(`category.${checked.preview.category}`)}</Tag>}>{t("field.category")}</List.Item>
          <List.Item extra={formatYuan(checked.preview.amountFen)}>{t("field.amount")}</List.Item>
          <List.Item extra={formatRate(checked.preview.discountRatePermille)}>{t("field.rate")}</List.Item>
          <List.Item extra={<span style={{ color: "#c8161d" }}>-{formatYuan(checked.preview.discountFen)}</span>}>
            {t("field.discount")}
          </List.Item>
          <List.Item
            extra={
              <span className="dd-pay" data-testid="redeem-pay">
                {formatYuan(checked.preview.payFen)}
              </span>
            }
          >
            <strong>{t("field.pay")}</strong>
          </List.Item>
        </List>
      ) : (
        <>
          <Tabs
            activeKey={mode}
            onChange={(key) => {
              setMode(key as Mode);
              setFailure(null);
            }}
            style={{ background: "#fff", marginTop: 8 }}
          >
            <Tabs.Tab title={t("redeem.mode.scan")} key="scan" />
            <Tabs.Tab title={t("redeem.mode.code")} key="code" />
            <Tabs.Tab title={t("redeem.mode.printed")} key="printed" />
          </Tabs>
          {mode === "scan" &&
            (token ? (
              <NoticeBar
                color="success"
                content={t("redeem.scanned")}
                extra={
                  <Button size="mini" fill="none" color="primary" onClick={() => setToken(null)}>
                    {t("redeem.rescan")}
                  </Button>
                }
              />
            ) : scanNote ? (
              <NoticeBar color="alert" content={scanNote} wrap />
            ) : (
              <Scanner
                onCode={setToken}
                onUnavailable={(reason) => {
                  setScanNote(reason);
                  setMode("code");
                }}
              />
            ))}
          <List mode="card">
            {mode === "code" && (
              <List.Item title={t("redeem.shortCode")}>
                <Input
                  className="dd-code-input"
                  inputMode="numeric"
                  maxLength={6}
                  placeholder="000000"
                  value={shortCode}
                  onChange={(v) => setShortCode(v.replace(/\D/g, ""))}
                  data-testid="redeem-code"
                />
              </List.Item>
            )}
            {mode === "printed" && (
              <>
                <List.Item title={t("field.cardNo")}>
                  <Input value={cardNo} onChange={setCardNo} placeholder={t("redeem.cardNoPlaceholder")} data-testid="redeem-card-no" />
                </List.Item>
                <List.Item title={t("redeem.pin")} description={t("redeem.pinHint")}>
                  <Input
                    type="password"
                    inputMode="numeric"
                    maxLength={6}
                    value={pin}
                    onChange={(v) => setPin(v.replace(/\D/g, ""))}
                    data-testid="redeem-pin"
                  />
                </List.Item>
              </>
            )}
            <List.Item title={t("redeem.bill")}>
              <Input
                className="dd-bill-input"
                inputMode="decimal"
                placeholder="0.00"
                value={bill}
                onChange={(v) => setBill(v.replace(/[^\d.]/g, ""))}
                data-testid="redeem-bill"
              />
            </List.Item>
          </List>
        </>
      )}

      {failure && (
        <div className="dd-refusal" role="alert" data-testid="redeem-error">
          {failure}
        </div>
      )}

      <div style={{ padding: "8px 12px", display: "flex", gap: 12 }}>
        {done ? (
          <Button block color="primary" size="large" onClick={reset} data-testid="redeem-next">
            {t("redeem.next")}
          </Button>
        ) : checked ? (
          <>
            <Button
              block
              size="large"
              onClick={() => {
                setChecked(null);
                setFailure(null);
              }}
            >
              {t("redeem.back")}
            </Button>
            <Button block color="primary" size="large" loading={redeem.isPending} onClick={confirm} data-testid="redeem-confirm">
              {t("redeem.confirm")}
            </Button>
          </>
        ) : (
          <Button
            block
            color="primary"
            size="large"
            loading={preview.isPending}
            onClick={runPreview}
            disabled={s ? s.status !== "certified" : false}
            data-testid="redeem-preview-button"
          >
            {t("redeem.check")}
          </Button>
        )}
      </div>
      <TodayList />
    </PageShell>
  );
}
