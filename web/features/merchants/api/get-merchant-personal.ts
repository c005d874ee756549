import { api } from "../../../app/api-client.ts";

/** The unmasked mobile number; the server records every such view in the audit log. */
export function getMerchantPersonal(id: number): Promise<{ mobile: string }> {
  return api.get(`/api/merchants/${id}/personal`);
}
