import { downloadFile } from "../../../app/api-client.ts";

/** The printable card (PDF with its QR code) for a holder without a smartphone. */
export function downloadPrintedCard(id: number, cardNo: string): Promise<void> {
  return downloadFile(`/api/caring/cards/${id}/printed.pdf`, undefined, `${cardNo}.pdf`);
}
