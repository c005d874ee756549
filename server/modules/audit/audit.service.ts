// Reading the audit log: a page of entries within the caller's stations, and the check of the whole hash chain.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import { presentAuditEntry } from "./audit.presenter.ts";
import { type AuditFilter, AuditRepository } from "./audit.repository.ts";

export class AuditService {
  private readonly db: Kysely<DB>;
  private readonly repo: AuditRepository;

  constructor(db: Kysely<DB>) {
    this.db = db;
    this.repo = new AuditRepository(db);
  }

  async list(filter: AuditFilter, page: number, pageSize: number) {
    const { items, total } = await this.repo.list(filter, pageSize, (page - 1) * pageSize);
    return { items: items.map(presentAuditEntry), total, page, pageSize };
  }

  verify() {
    return verifyAuditChain(this.db);
  }
}
