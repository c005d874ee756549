// 导出 on every list: the server writes every row the list's current filters select (all pages) as xlsx,
// masked as the list shows it. Page and page size are not sent: the export is the whole selection.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "../../contracts/access.ts";
import { downloadFile, errorMessage, type Query } from "../app/api-client.ts";
import { useCan } from "../app/session.tsx";

export interface ExportButtonProps {
  /** The list's address; the export is `<path>/export` (unless `file` names it). */
  path: string;
  /** The file's own address, for an export that is not a list's `<path>/export` (the national hours sheet). */
  file?: string;
  /** The list's current filters (search, filters, sort). */
  query?: object;
  /** The file's name without `.xlsx`, used when the server suggests none. */
  name: string;
  /** Shown only to accounts holding this action (the export of merchants, residents and units is its own right). */
  action?: Action;
}

export function ExportButton({ path, file, query = {}, name, action }: ExportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  if (action && !can(action)) return null;
  const { page: _page, pageSize: _size, ...filters } = query as Record<string, unknown>;
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(file ?? `${path}/export`, filters as Query, `${name}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={run} loading={busy} data-testid="export-button">
      {t("action.export")}
    </Button>
  );
}
