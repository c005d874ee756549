import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Progress, Result, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../contracts/imports.ts";
import { api, downloadFile, errorMessage, uploadFile } from "../app/api-client.ts";

interface SheetColumn {
  key: string;
  header: string;
}

interface ImportModalProps {
  open: boolean;
  onClose: () => void;
  /** Called after rows were written, so lists can refresh. */
  onImported: () => void;
  title: string;
  uploadPath: string;
  templatePath: string;
  templateName: string;
  columns: readonly SheetColumn[];
}

type Stage = { step: "pick" } | { step: "uploading"; percent: number } | { step: "preview"; preview: ImportPreview };

/** Spreadsheet import in three steps: upload with progress, preview with the rows in error, commit or discard. */
export function ImportModal(props: ImportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: "pick" });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setStage({ step: "pick" });
    setFailure(null);
  };
  const close = () => {
    if (stage.step === "preview" && stage.preview.status === "previewed") {
      // Leaving an open preview behind would keep it on the server until it expires: discard it.
      api.post(`/api/imports/${stage.preview.id}/discard`).catch(() => undefined);
    }
    reset();
    props.onClose();
  };

  const upload = async (file: File) => {
    setFailure(null);
    setStage({ step: "uploading", percent: 0 });
    try {
      const preview = await uploadFile<ImportPreview>(props.uploadPath, file, (percent) => setStage({ step: "uploading", percent }));
      setStage({ step: "preview", preview });
    } catch (error) {
      setFailure(errorMessage(error));
      setStage({ step: "pick" });
    }
  };

  const act = async (path: string, body?: unknown) => {
    if (stage.step !== "preview") return;
    setBusy(true);
    setFailure(null);
    try {
      const preview = await api.post<ImportPreview>(`/api/imports/${stage.preview.id}/${path}`, body);
      setStage({ step: "preview", preview });
      if (preview.status === "imported") props.onImported();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const template = async () => {
    try {
      await downloadFile(props.templatePath, undefined, props.templateName);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const preview = stage.step === "preview" ? stage.preview : null;
  const errorsByRow = new Map<number, { column: string; message: string }[]>();
  for (const e of preview?.errors ?? []) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const headerOf = (key: string) => props.columns.find((c) => c.key === key)?.header ?? key;

  const footer =
    preview?.status === "previewed" ? (
      <Space>
        <Button onClick={() => act("discard")} loading={busy} data-testid="import-discard">
          {t("import.discard")}
        </Button>
        <Button
          type="primary"
          disabled={preview.validRows === 0}
          loading={busy}
          onClick={() => act("commit", { mode: "valid_only" })}
          data-testid="import-commit"
        >
          {t("import.commitValid", { count: preview.validRows })}
        </Button>
      </Space>
    ) : (
      <Button onClick={close}>{t("action.close")}</Button>
    );

  return (
    <Modal open={props.open} title={props.title} onCancel={close} footer={footer} width={960} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {stage.step !== "preview" && (
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("import.hint")}
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t("import.downloadTemplate")}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={stage.step === "uploading"}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("import.dropHere")}</p>
            <p className="ant-upload-hint">{t("import.onlyXlsx")}</p>
          </Upload.Dragger>
          {stage.step === "uploading" && (
            <div>
              <Typography.Text>{stage.percent < 100 ? t("import.uploading") : t("import.checking")}</Typography.Text>
              <Progress percent={stage.percent} status="active" data-testid="import-progress" />
            </div>
          )}
        </Space>
      )}
      {preview && preview.status === "imported" && (
        <Result
          status="success"
          title={t("import.doneTitle", { count: preview.importedRows })}
          subTitle={t("import.doneSub", { total: preview.totalRows, skipped: preview.totalRows - preview.importedRows })}
        />
      )}
      {preview && preview.status === "discarded" && <Result status="info" title={t("import.discarded")} />}
      {preview && preview.status === "previewed" && (
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <Space wrap>
            <Typography.Text strong>{preview.fileName}</Typography.Text>
            <Tag>{t("import.totalRows", { count: preview.totalRows })}</Tag>
            <Tag color="success">{t("import.validRows", { count: preview.validRows })}</Tag>
            <Tag color={preview.errors.length ? "error" : "default"}>
              {t("import.errorRows", { count: preview.totalRows - preview.validRows })}
            </Tag>
          </Space>
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              pagination={{ pageSize: 5, size: "small" }}
              dataSource={preview.errors}
              title={() => <Typography.Text type="danger">{t("import.errorsTitle")}</Typography.Text>}
              columns={[
                { title: t("import.row"), dataIndex: "row", width: 80 },
                { title: t("import.column"), dataIndex: "column", width: 160, render: (c: string) => headerOf(c) },
                { title: t("import.message"), dataIndex: "message" },
              ]}
            />
          )}
          <Table
            size="small"
            rowKey="row"
            scroll={{ x: "max-content", y: 300 }}
            pagination={false}
            dataSource={preview.sample}
            rowClassName={(r) => (errorsByRow.has(r.row) ? "dd-import-error-row" : "")}
            columns={[
              { title: t("import.row"), dataIndex: "row", width: 64, fixed: "left" },
              ...props.columns.map((c) => ({
                title: c.header,
                key: c.key,
                render: (_: unknown, r: ImportPreview["sample"][number]) => {
                  const bad = errorsByRow.get(r.row)?.find((e) => e.column === c.key || e.column === c.header);
                  return bad ? (
                    <Typography.Text type="danger" title={bad.message}>
                      {r.values[c.key] ?? r.values[c.header] ?? ""} ⚠
                    </Typography.Text>
                  ) : (
                    (r.values[c.key] ?? r.values[c.header] ?? "")
                  );
                },
              })),
            ]}
          />
          <style>{".dd-import-error-row > td { background: #fff1f0 !important; }"}</style>
        </Space>
      )}
    </Modal>
  );
}
