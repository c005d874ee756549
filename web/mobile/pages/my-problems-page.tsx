import { Button, DotLoading, ErrorBlock, List, Tag } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ProblemStatus } from "../../../contracts/problems.ts";
import { errorMessage } from "../../app/api-client.ts";
import { formatDateTime } from "../../app/format.ts";
import { useProblems } from "../../features/problems/api/list-problems.ts";
import { PageShell } from "../page-shell.tsx";

export const mobileStatusColours: Record<ProblemStatus, string> = {
  submitted: "warning",
  accepted: "primary",
  rejected: "default",
  assigned: "primary",
  in_progress: "primary",
  resolved: "success",
  confirmed: "success",
  reopened: "danger",
};

/** 我的反映: the reporter's own problems (the server scopes the list to them). */
export default function MyProblemsPage() {
  const { t } = useTranslation(["mobile", "problems"]);
  const navigate = useNavigate();
  const [pageSize, setPageSize] = useState(20);
  const problems = useProblems({ page: 1, pageSize, sort: "createdAt", order: "desc" });
  const items = problems.data?.items ?? [];

  return (
    <PageShell title={t("mine.title")}>
      {problems.isError && <ErrorBlock status="default" title={errorMessage(problems.error)} />}
      {problems.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("mine.empty")} description="">
          <Button color="primary" onClick={() => navigate("/report")}>
            {t("entry.report")}
          </Button>
        </ErrorBlock>
      ) : (
        <List mode="card" data-testid="my-problems">
          {items.map((p) => (
            <List.Item
              key={p.id}
              onClick={() => navigate(`/problems/${p.id}`)}
              description={`${p.code} · ${formatDateTime(p.createdAt)}`}
              extra={
                <Tag color={mobileStatusColours[p.status]} fill="outline">
                  {t(`problems:status.${p.status}`)}
                </Tag>
              }
            >
              {p.title}
            </List.Item>
          ))}
        </List>
      )}
      {(problems.data?.total ?? 0) > items.length && (
        <div style={{ padding: "0 12px" }}>
          <Button block onClick={() => setPageSize((n) => n + 20)} loading={problems.isFetching}>
            {t("loadMore")}
          </Button>
        </div>
      )}
    </PageShell>
  );
}
