// 通知设置 on the phone: SMS copies of my notifications on or off (in-app ones always come), and my WeChat bound to
// the station's official account — only with my consent, from the page WeChat's authorisation brings me back to.
import { Button, Checkbox, Dialog, DotLoading, List, NoticeBar, Switch, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import {
  useBindWechat,
  useMyCalendarFeed,
  useMySms,
  useMyWechat,
  useRenewCalendarFeed,
  useRevokeCalendarFeed,
  useSetSmsOptOut,
  useUnbindWechat,
} from "../api/me.ts";

/** 日历订阅: my secret feed address, to paste into a calendar app; renewing or revoking stops the old one. */
function CalendarFeed() {
  const { t } = useTranslation(["mobile", "interop", "common"]);
  const feed = useMyCalendarFeed();
  const renew = useRenewCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = feed.data?.path ? `${window.location.origin}${feed.data.path}` : null;
  // Renewing or revoking stops the address a calendar app may already follow: asked first.
  const confirm = (content: string, go: () => Promise<unknown>) => {
    void Dialog.confirm({
      content,
      confirmText: t("common:action.confirm"),
      cancelText: t("common:action.cancel"),
      onConfirm: async () => {
        await go();
      },
    });
  };
  return (
    <List header={t("interop:m.calendarHeader")}>
      <List.Item
        description={
          url ? (
            <span style={{ wordBreak: "break-all" }} data-testid="calendar-url">
              {url}
            </span>
          ) : (
            t("interop:m.calendarHint")
          )
        }
      >
        {t("interop:m.calendar")}
      </List.Item>
      <List.Item>
        <div style={{ display: "flex", gap: 8 }}>
          <Button
            size="small"
            color="primary"
            loading={renew.isPending}
            onClick={() => (url ? confirm(t("interop:m.calendarRenewConfirm"), () => renew.mutateAsync()) : renew.mutate())}
          >
            {url ? t("interop:m.calendarRenew") : t("interop:m.calendarCreate")}
          </Button>
          {url && (
            <Button
              size="small"
              color="danger"
              fill="outline"
              loading={revoke.isPending}
              onClick={() => confirm(t("interop:m.calendarRevokeConfirm"), () => revoke.mutateAsync())}
            >
              {t("interop:m.calendarRevoke")}
            </Button>
          )}
        </div>
      </List.Item>
    </List>
  );
}

export default function NotifySettingsPage() {
  const { t } = useTranslation(["mobile", "interop"]);
  const [params, setParams] = useSearchParams();
  const code = params.get("code");
  const sms = useMySms();
  const setSms = useSetSmsOptOut();
  const wechat = useMyWechat();
  const bind = useBindWechat();
  const unbind = useUnbindWechat();
  const [consent, setConsent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const doBind = async () => {
    if (!code) return;
    setFailure(null);
    try {
      await bind.mutateAsync({ code, consent });
      Toast.show({ icon: "success", content: t("interop:m.bound") });
      setParams({}, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <PageShell title={t("interop:entry.notify")}>
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <List header={t("interop:m.smsHeader")}>
        <List.Item
          description={t("interop:m.smsHint")}
          extra={
            sms.data ? (
              <Switch
                data-testid="sms-switch"
                checked={!sms.data.optedOut}
                loading={setSms.isPending}
                onChange={async (on) => {
                  try {
                    await setSms.mutateAsync(!on);
                  } catch (error) {
                    setFailure(errorMessage(error));
                  }
                }}
                aria-label={t("interop:m.sms")}
              />
            ) : (
              <DotLoading />
            )
          }
        >
          {t("interop:m.sms")}
        </List.Item>
      </List>
      <List header={t("interop:m.wechatHeader")}>
        {!wechat.data ? (
          <List.Item>
            <DotLoading />
          </List.Item>
        ) : !wechat.data.configured ? (
          <List.Item description={t("interop:m.wechatOff")}>{t("interop:m.wechat")}</List.Item>
        ) : wechat.data.bound ? (
          <List.Item
            description={t("interop:m.boundSince", { at: formatDateTime(wechat.data.consentedAt) })}
            extra={
              <Button size="small" color="danger" fill="outline" loading={unbind.isPending} onClick={() => unbind.mutate()}>
                {t("interop:m.unbind")}
              </Button>
            }
          >
            {t("interop:m.wechatBound")}
          </List.Item>
        ) : code ? (
          <List.Item>
            <div style={{ padding: "8px 0" }}>
              <Checkbox checked={consent} onChange={setConsent} data-testid="wechat-consent">
                {t("interop:m.consent")}
              </Checkbox>
              <Button block color="primary" style={{ marginTop: 12 }} disabled={!consent} loading={bind.isPending} onClick={doBind}>
                {t("interop:m.bind")}
              </Button>
            </div>
          </List.Item>
        ) : (
          <List.Item description={t("interop:m.openInWechat")}>{t("interop:m.wechat")}</List.Item>
        )}
      </List>
      <CalendarFeed />
    </PageShell>
  );
}
