import { CheckCircleOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCloseLoan } from "../api/close-loan.ts";
import { useLend } from "../api/lend.ts";
import { lookupItem } from "../api/lookup-item.ts";
import { useReturnItem } from "../api/return-item.ts";
import type { LendItem } from "../api/types.ts";
import { BorrowerSelect, type BorrowerValue } from "./borrower-select.tsx";
import { itemStatusColour } from "./labels.ts";
import { ScanField, type ScanFieldHandle } from "./scan-field.tsx";

interface Done {
  at: string;
  text: string;
  kind: "lent" | "returned" | "lost" | "damaged";
}

/** 借还登记: scan the label first; an item on the shelf is lent to a chosen borrower, a lent one is returned. */
export function DeskTab() {
  const { t } = useTranslation("lending");
  const { modal } = App.useApp();
  const scan = useRef<ScanFieldHandle>(null);
  const [item, setItem] = useState<LendItem | null>(null);
  const [looking, setLooking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [borrower, setBorrower] = useState<BorrowerValue | null>(null);
  const [done, setDone] = useState<Done[]>([]);
  const lend = useLend();
  const giveBack = useReturnItem();
  const close = useCloseLoan();

  const reset = (entry?: Done) => {
    if (entry) setDone((d) => [entry, ...d].slice(0, 12));
    setItem(null);
    setBorrower(null);
    scan.current?.clear();
    setTimeout(() => scan.current?.focus(), 0);
  };

  const onScan = async (code: string) => {
    setFailure(null);
    setLooking(true);
    try {
      setItem(await lookupItem(code));
      setBorrower(null);
      scan.current?.select();
    } catch (error) {
      setItem(null);
      setFailure(error instanceof ApiError && error.id === "lend.unknown_code" ? t("desk.unknown", { code }) : errorMessage(error));
      scan.current?.focus();
    } finally {
      setLooking(false);
    }
  };

  const doLend = async () => {
    if (!item || !borrower) return;
    setFailure(null);
    try {
      const loan = await lend.mutateAsync({ code: item.code, borrowerKind: borrower.kind, borrowerId: borrower.id, note: null });
      reset({
        at: loan.lentAt,
        kind: "lent",
        text: t("desk.lent", { code: loan.itemCode, name: loan.borrowerName, due: formatDateTime(loan.dueAt) }),
      });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const doReturn = async () => {
    if (!item) return;
    setFailure(null);
    try {
      const loan = await giveBack.mutateAsync({ code: item.code });
      reset({ at: loan.returnedAt ?? new Date().toISOString(), kind: "returned", text: t("desk.returned", { code: loan.itemCode }) });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const doClose = (outcome: "lost" | "damaged") => {
    if (!item?.loan) return;
    const loanId = item.loan.id;
    const code = item.code;
    modal.confirm({
      title: t(outcome === "lost" ? "desk.lost" : "desk.damaged"),
      content: t(outcome === "lost" ? "desk.lostConfirm" : "desk.damagedConfirm", { code }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const loan = await close.mutateAsync({ id: loanId, outcome });
          reset({
            at: loan.returnedAt ?? new Date().toISOString(),
            kind: outcome,
            text: t(outcome === "lost" ? "desk.closedLost" : "desk.closedDamaged", { code }),
          });
        } catch (error) {
          setFailure(errorMessage(error));
        }
      },
    });
  };

  // The server's rule (loan.workflow.ts dueAt): the due time is the loan's days of 24 hours after lending.
  const due = item ? new Date(Date.now() + item.loanDays * 86_400_000).toISOString() : null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t("desk.scanLabel")}>
          <ScanField ref={scan} onScan={onScan} loading={looking} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t("desk.scanHint")}
          </Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="desk-error" />}
          {item && (
            <div style={{ marginTop: 20 }} data-testid="desk-item" data-status={item.status}>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t("field.code")}>
                  <Typography.Text code style={{ fontSize: 16 }}>
                    {item.code}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t("field.status")}>
                  <Tag color={itemStatusColour[item.status]} data-testid="desk-item-status">
                    {t(`itemStatus.${item.status}`)}
                  </Tag>
                  {item.loan?.overdue && <Tag color="red">{t("desk.overdueTag")}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t("field.name")}>
                  {item.name}
                  {item.name !== t(`kind.${item.kind}`) && ` · ${t(`kind.${item.kind}`)}`}
                </Descriptions.Item>
                <Descriptions.Item label={t("field.loanDays")}>{item.loanDays}</Descriptions.Item>
                {item.loan && (
                  <>
                    <Descriptions.Item label={t("field.borrower")}>
                      {item.loan.borrowerName}（{t(`borrowerKind.${item.loan.borrowerKind}`)}）
                    </Descriptions.Item>
                    <Descriptions.Item label={t("field.dueAt")}>
                      <Typography.Text type={item.loan.overdue ? "danger" : undefined}>{formatDateTime(item.loan.dueAt)}</Typography.Text>
                    </Descriptions.Item>
                  </>
                )}
              </Descriptions>
              {item.status === "available" && (
                <div style={{ marginTop: 20 }}>
                  <Typography.Title level={5}>{t("desk.chooseBorrower")}</Typography.Title>
                  <BorrowerSelect value={borrower} onChange={setBorrower} />
                  {due && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                      {t("desk.due", { due: formatDateTime(due), days: item.loanDays })}
                    </Typography.Paragraph>
                  )}
                  <Button
                    type="primary"
                    size="large"
                    block
                    icon={<CheckCircleOutlined />}
                    disabled={!borrower}
                    loading={lend.isPending}
                    onClick={doLend}
                    data-testid="desk-lend"
                  >
                    {t("desk.lend")}
                  </Button>
                </div>
              )}
              {item.status === "lent" && (
                <Space wrap style={{ marginTop: 20, width: "100%" }}>
                  <Button
                    type="primary"
                    size="large"
                    icon={<RollbackOutlined />}
                    loading={giveBack.isPending}
                    onClick={doReturn}
                    data-testid="desk-return"
                  >
                    {t("desk.return")}
                  </Button>
                  <Button size="large" danger onClick={() => doClose("damaged")} data-testid="desk-damaged">
                    {t("desk.damaged")}
                  </Button>
                  <Button size="large" danger onClick={() => doClose("lost")} data-testid="desk-lost">
                    {t("desk.lost")}
                  </Button>
                </Space>
              )}
              {item.status !== "available" && item.status !== "lent" && (
                <Result status="warning" title={t("desk.itemUnavailable", { status: t(`itemStatus.${item.status}`) })} />
              )}
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t("desk.recent")} data-testid="desk-recent">
          {done.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("desk.recentEmpty")} />
          ) : (
            <List
              size="small"
              dataSource={done}
              renderItem={(d) => (
                <List.Item>
                  <Space align="start">
                    <Tag color={d.kind === "lent" ? "blue" : d.kind === "returned" ? "green" : "orange"}>
                      {t(`loanStatus.${d.kind === "lent" ? "out" : d.kind}`)}
                    </Tag>
                    <div>
                      <div>{d.text}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(d.at)}
                      </Typography.Text>
                    </div>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
