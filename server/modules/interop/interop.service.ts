// The interfaces to other systems, as one service the app wires: API keys and Open311 GeoReport v2.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { ApiKeysService } from "./api-keys.service.ts";
import { InteropRepository } from "./interop.repository.ts";
import { Open311Service } from "./open311.service.ts";

export class InteropService {
  readonly keys: ApiKeysService;
  readonly open311: Open311Service;
  constructor(db: Kysely<DB>, deps: { problems: ProblemsService }, clock: Clock) {
    const repo = new InteropRepository(db);
    this.keys = new ApiKeysService(db, repo, clock);
    this.open311 = new Open311Service(db, repo, this.keys, deps.problems, clock);
  }
}
