import { Button, DotLoading, ErrorBlock, Image, ImageViewer, List, NoticeBar, Rate, Steps, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, errorMessage } from "../../app/api-client.ts";
import { formatDateTime } from "../../app/format.ts";
import { useProblem } from "../../features/problems/api/get-problem.ts";
import { useProblemAction } from "../../features/problems/api/problem-action.ts";
import { PageShell } from "../page-shell.tsx";
import { mobileStatusColours } from "./my-problems-page.tsx";

function Photos({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginTop: 6 }}>
      {urls.map((url, index) => (
        <Image
          key={url}
          src={url}
          width={64}
          height={64}
          fit="cover"
          style={{ borderRadius: 4 }}
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })}
        />
      ))}
    </div>
  );
}

/** One of my problems: what happened so far; once resolved, rate it or ask for it to be handled again. */
export default function ProblemPage() {
  const { t } = useTranslation(["mobile", "problems"]);
  const id = Number(useParams().id);
  const problem = useProblem(id);
  const act = useProblemAction();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);

  if (problem.isPending)
    return (
      <PageShell title={t("mine.detail")} back="/problems">
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      </PageShell>
    );
  if (problem.isError)
    return (
      <PageShell title={t("mine.detail")} back="/problems">
        <ErrorBlock status="default" title={errorMessage(problem.error)} />
      </PageShell>
    );
  const p = problem.data;

  const send = async (input: Parameters<typeof act.mutateAsync>[0]["input"]) => {
    setFailure(null);
    try {
      await act.mutateAsync({ id: p.id, input });
      Toast.show({ icon: "success", content: t("mine.thanks") });
      setReopening(false);
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError && error.id === "record.conflict") void problem.refetch();
    }
  };

  const canConfirm = p.nextActions.includes("confirm");
  const canReopen = p.nextActions.includes("reopen");

  return (
    <PageShell title={t("mine.detail")} back="/problems">
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <List mode="card" header={p.code}>
        <List.Item
          extra={
            <Tag color={mobileStatusColours[p.status]} fill="outline" data-testid="problem-status">
              {t(`problems:status.${p.status}`)}
            </Tag>
          }
          description={p.categoryName}
        >
          <span style={{ fontWeight: 600 }}>{p.title}</span>
        </List.Item>
        <List.Item>
          <div style={{ whiteSpace: "pre-wrap" }}>{p.description}</div>
          <Photos urls={p.photos.map((ph) => ph.url)} />
        </List.Item>
        {(p.stallCode || p.place) && <List.Item extra={[p.stallCode, p.place].filter(Boolean).join(" · ")}>{t("report.where")}</List.Item>}
        {p.unitName && <List.Item extra={p.unitName}>{t("mine.unit")}</List.Item>}
        {p.resolution && <List.Item description={p.resolution}>{t("mine.resolution")}</List.Item>}
        {p.rating !== null && (
          <List.Item
            description={p.ratingComment ?? undefined}
            extra={<Rate readOnly value={p.rating} style={{ "--star-size": "18px" }} />}
          >
            {t("mine.myRating")}
          </List.Item>
        )}
      </List>
      {canConfirm && !reopening && (
        <List mode="card" header={t("mine.rateTitle")}>
          <List.Item>
            <div style={{ textAlign: "center", padding: "8px 0" }} data-testid="rate">
              <Rate value={rating} onChange={setRating} style={{ "--star-size": "32px" }} />
            </div>
            <TextArea value={comment} onChange={setComment} maxLength={500} rows={2} placeholder={t("mine.commentPlaceholder")} />
            <Button
              block
              color="primary"
              size="large"
              style={{ marginTop: 12 }}
              disabled={rating < 1}
              loading={act.isPending}
              onClick={() => send({ action: "confirm", rating, comment: comment.trim() || null, version: p.version })}
              data-testid="rate-submit"
            >
              {rating < 1 ? t("mine.rateChoose") : t("mine.rate")}
            </Button>
            {canReopen && (
              <Button block fill="none" color="danger" style={{ marginTop: 4 }} onClick={() => setReopening(true)}>
                {t("mine.reopen")}
              </Button>
            )}
          </List.Item>
        </List>
      )}
      {canReopen && (reopening || !canConfirm) && (
        <List mode="card" header={t("mine.reopen")}>
          <List.Item>
            <TextArea value={reason} onChange={setReason} maxLength={500} rows={3} placeholder={t("mine.reasonPlaceholder")} />
            <Button
              block
              color="danger"
              size="large"
              style={{ marginTop: 12 }}
              loading={act.isPending}
              disabled={reason.trim().length < 2}
              onClick={() => send({ action: "reopen", reason: reason.trim(), version: p.version })}
            >
              {t("mine.reopenSubmit")}
            </Button>
            {canConfirm && (
              <Button block fill="none" style={{ marginTop: 4 }} onClick={() => setReopening(false)}>
                {t("common:action.cancel")}
              </Button>
            )}
          </List.Item>
        </List>
      )}
      <List mode="card" header={t("mine.timeline")}>
        <List.Item>
          <Steps direction="vertical" current={p.events.length - 1}>
            {[...p.events].map((e) => (
              <Steps.Step
                key={e.id}
                status="finish"
                title={t(`problems:event.${e.action}`, { defaultValue: e.action })}
                description={
                  <div>
                    <div>{[formatDateTime(e.at), e.unitName].filter(Boolean).join(" · ")}</div>
                    {e.note && <div style={{ color: "#333", whiteSpace: "pre-wrap" }}>{e.note}</div>}
                    <Photos urls={e.photos.map((ph) => ph.url)} />
                  </div>
                }
              />
            ))}
          </Steps>
        </List.Item>
      </List>
    </PageShell>
  );
}
