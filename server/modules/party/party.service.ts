// The Party branch: branches in the org tree and their members (members.service.ts), member development kept
// to its rules (development.service.ts), branch life (三会一课) with attendance (branch-life.service.ts), and
// pioneer posts (pioneer-posts.service.ts). One repository and one reach (party.scope.ts) shared by them.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { BranchLifeService } from "./branch-life.service.ts";
import { DevelopmentService } from "./development.service.ts";
import { MembersService } from "./members.service.ts";
import { PartyRepository } from "./party.repository.ts";
import { BranchScope } from "./party.scope.ts";
import { PioneerPostsService } from "./pioneer-posts.service.ts";

export class PartyService {
  readonly members: MembersService;
  readonly development: DevelopmentService;
  readonly branchLife: BranchLifeService;
  readonly pioneerPosts: PioneerPostsService;

  constructor(db: Kysely<DB>, vault: Vault, files: FilesService, notifier: Notifier, clock: Clock) {
    const repo = new PartyRepository(db);
    const scope = new BranchScope(repo);
    this.members = new MembersService(db, repo, scope, vault, clock);
    this.development = new DevelopmentService(db, repo, scope, vault, notifier, clock);
    this.branchLife = new BranchLifeService(db, repo, scope, files, notifier, clock);
    this.pioneerPosts = new PioneerPostsService(db, repo, scope, clock);
  }

  jobs(): Job[] {
    return [...this.development.jobs(), ...this.branchLife.jobs()];
  }
}
