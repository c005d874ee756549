import { Button, DotLoading, Result } from "antd-mobile";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../app/api-client.ts";
import { formatDateTime } from "../../app/format.ts";
import { type CheckInResult, checkIn } from "../../features/meetings/api/check-in.ts";
import { PageShell } from "../page-shell.tsx";

/** Opened from the meeting's QR code: record the signed-in person present (the route guard signs them in first). */
export default function CheckInPage() {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    if (!token) {
      setFailure(t("checkin.noToken"));
      return;
    }
    checkIn(token)
      .then(setResult)
      .catch((error: unknown) => setFailure(errorMessage(error)));
  }, [token, t]);

  return (
    <PageShell title={t("checkin.title")}>
      {!result && !failure && (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
          <div style={{ marginTop: 12 }}>{t("checkin.working")}</div>
        </div>
      )}
      {result && (
        <Result
          status="success"
          title={result.created ? t("checkin.done") : t("checkin.already")}
          description={
            <div data-testid="checkin-result">
              <div style={{ fontSize: 17, color: "#333", margin: "8px 0" }}>{result.meetingTitle}</div>
              <div>{t("checkin.at", { time: formatDateTime(result.checkedInAt) })}</div>
            </div>
          }
        />
      )}
      {failure && <Result status="error" title={t("checkin.failed")} description={<span data-testid="checkin-error">{failure}</span>} />}
      {(result || failure) && (
        <div style={{ padding: 16 }}>
          <Button block size="large" onClick={() => navigate("/", { replace: true })}>
            {t("backHome")}
          </Button>
        </div>
      )}
    </PageShell>
  );
}
