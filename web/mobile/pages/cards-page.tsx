import { DotLoading, ErrorBlock, List, ProgressBar, Selector, Tag } from "antd-mobile";
import QRCode from "qrcode";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/api-client.ts";
import { formatDate, formatDateTime } from "../../app/format.ts";
import { formatYuan } from "../../app/money.ts";
import { useCardHistory } from "../../features/caring/api/card-history.ts";
import { presentCard } from "../../features/caring/api/card-presentation.ts";
import { useMyCards } from "../../features/caring/api/my-cards.ts";
import type { Card, CardPresentation } from "../../features/caring/api/types.ts";
import { PageShell } from "../page-shell.tsx";

/** Ask for the next code this long before the current one expires, so the shop never scans a dead one. */
const REFRESH_BEFORE_MS = 5_000;

interface Shown {
  presentation: CardPresentation;
  qr: string;
  /** Local time the code stops being valid (the server's lifetime, measured on this phone's clock). */
  until: number;
  lifetime: number;
}

/** The rotating QR code and short code of one active card, fetched again a few seconds before it expires. */
function Presentation({ card }: { card: Card }) {
  const { t } = useTranslation("caring");
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    try {
      const presentation = await presentCard(card.id);
      const qr = await QRCode.toDataURL(presentation.token, { errorCorrectionLevel: "M", margin: 1, width: 560 });
      // The phone's clock may differ from the server's: trust the length of validity, not the wall time.
      let lifetime = new Date(presentation.expiresAt).getTime() - Date.now();
      if (!(lifetime > 0 && lifetime <= 5 * 60_000)) lifetime = 60_000;
      setShown({ presentation, qr, until: Date.now() + lifetime, lifetime });
      setFailure(null);
      timer.current = setTimeout(() => void load(), Math.max(1_000, lifetime - REFRESH_BEFORE_MS));
    } catch (error) {
      setFailure(errorMessage(error));
      timer.current = setTimeout(() => void load(), 10_000);
    }
  }, [card.id]);

  useEffect(() => {
    void load();
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    // Back from the background (phone locked): the code has likely expired, get a fresh one at once.
    const onVisible = () => {
      if (document.visibilityState === "visible") void load();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(tick);
      document.removeEventListener("visibilitychange", onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  if (failure && !shown) return <ErrorBlock status="default" title={failure} description="" />;
  if (!shown)
    return (
      <div style={{ padding: 64, textAlign: "center" }}>
        <DotLoading color="primary" />
      </div>
    );
  const left = Math.max(0, Math.ceil((shown.until - now) / 1000));
  const code = shown.presentation.shortCode;
  return (
    <div className="dd-card-code">
      <img src={shown.qr} alt={t("mobile.qrAlt")} data-testid="card-qr" />
      <div className="dd-short-code" data-testid="card-short-code" data-code={code}>
        {code.slice(0, 3)} {code.slice(3)}
      </div>
      <ProgressBar percent={(100 * (shown.until - now)) / shown.lifetime} style={{ "--fill-color": "#c8161d" } as never} />
      <div className="dd-muted" data-testid="card-countdown">
        {left > 0 ? t("mobile.countdown", { seconds: left }) : t("mobile.refreshing")}
      </div>
      {failure && <div style={{ color: "#c8161d", marginTop: 6 }}>{failure}</div>}
      <div className="dd-muted" style={{ marginTop: 8 }}>
        {t("mobile.showHint")}
      </div>
    </div>
  );
}

function History({ card }: { card: Card }) {
  const { t } = useTranslation("caring");
  const history = useCardHistory(card.id);
  const items = history.data ?? [];
  return (
    <List header={t("mobile.history")} mode="card" data-testid="card-history">
      {history.isPending && (
        <List.Item>
          <DotLoading />
        </List.Item>
      )}
      {history.isError && <List.Item description={errorMessage(history.error)}>{t("mobile.unavailable")}</List.Item>}
      {!history.isPending && items.length === 0 && !history.isError && <List.Item>{t("mobile.noHistory")}</List.Item>}
      {items.map((r) => (
        <List.Item
          key={r.id}
          description={formatDateTime(r.createdAt)}
          extra={
            <div style={{ textAlign: "right" }}>
              <div style={{ color: "#333" }}>{formatYuan(r.payFen)}</div>
              <div style={{ color: "#c8161d", fontSize: 13 }}>{t("mobile.saved", { amount: formatYuan(r.discountFen) })}</div>
            </div>
          }
        >
          {r.shopName}
        </List.Item>
      ))}
    </List>
  );
}

/** 我的优惠卡: the holder's card, shown at the till as a rotating QR code with its short code, and its history. */
export default function CardsPage() {
  const { t } = useTranslation("caring");
  const cards = useMyCards();
  const items = cards.data ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const active = items.filter((c) => c.status === "active");
  const card = items.find((c) => c.id === chosen) ?? active[0] ?? items[0];

  return (
    <PageShell title={t("mobile.cardsTitle")}>
      {cards.isError && <ErrorBlock status="default" title={errorMessage(cards.error)} description="" />}
      {cards.isPending ? (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : !card ? (
        !cards.isError && <ErrorBlock status="empty" title={t("mobile.noCard")} description={t("mobile.noCardHint")} />
      ) : (
        <>
          {items.length > 1 && (
            <div style={{ padding: "12px 12px 0" }}>
              <Selector
                columns={2}
                value={[card.id]}
                onChange={(v) => v[0] && setChosen(v[0])}
                options={items.map((c) => ({ label: `${t(`category.${c.category}`)} · ${c.cardNo.slice(-4)}`, value: c.id }))}
              />
            </div>
          )}
          <div className="dd-discount-card" data-testid="my-card">
            <div className="dd-discount-card-top">
              <span>{t("mobile.cardBrand")}</span>
              <Tag color={card.status === "active" ? "success" : "default"}>{t(`cardStatus.${card.status}`)}</Tag>
            </div>
            <div className="dd-discount-card-name">{card.holderName}</div>
            <div>{t(`category.${card.category}`)}</div>
            <div className="dd-discount-card-no">{card.cardNo}</div>
            <div style={{ fontSize: 13, opacity: 0.85 }}>
              {t("mobile.validUntil", { from: formatDate(card.validFrom), to: formatDate(card.validTo) })}
            </div>
          </div>
          {card.status === "active" ? (
            <Presentation key={card.id} card={card} />
          ) : (
            <ErrorBlock status="default" title={t(`mobile.cardNot.${card.status}`)} description={card.revokedReason ?? ""} />
          )}
          <List mode="card">
            <List.Item extra={t("card.used", { count: card.usedThisMonth.uses, amount: formatYuan(card.usedThisMonth.discountFen) })}>
              {t("field.usedThisMonth")}
            </List.Item>
            {card.monthlyCapFen !== null && <List.Item extra={formatYuan(card.monthlyCapFen)}>{t("field.monthlyCapFen")}</List.Item>}
            {card.monthlyCapUses !== null && (
              <List.Item extra={t("card.capUses", { count: card.monthlyCapUses })}>{t("field.monthlyCapUses")}</List.Item>
            )}
          </List>
          <History card={card} />
        </>
      )}
    </PageShell>
  );
}
