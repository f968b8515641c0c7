import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkshopOrganiserView } from '@aula/contracts';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { WorkshopOrganiser } from './workshop-organiser.entity';
import { WorkshopPolicy } from './workshop.policy';
import { WorkshopNotFoundError } from './workshops.errors';

/** Administrators grant the `organiser` capability for one workshop, and take it back. */
@Injectable()
export class WorkshopOrganiserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly people: IdentityReader,
  ) {}

  async list(actor: Actor, workshopId: string): Promise<WorkshopOrganiserView[]> {
    this.policy.assertAdmin(actor);
    await this.assertWorkshop(workshopId);
    const rows = (await this.dataSource.query(
      `SELECT o.user_id AS "userId", u.display_name AS "displayName", u.email, o.granted_at AS "grantedAt"
         FROM workshop_organisers o JOIN users u ON u.id = o.user_id
        WHERE o.workshop_id = $1 ORDER BY o.granted_at, o.user_id`,
      [workshopId],
    )) as (Omit<WorkshopOrganiserView, 'grantedAt'> & { grantedAt: Date })[];
    return rows.map((r) => ({ ...r, grantedAt: r.grantedAt.toISOString() }));
  }

  /** Idempotent: granting again changes nothing. */
  async grant(actor: Actor, workshopId: string, userId: string): Promise<WorkshopOrganiserView[]> {
    this.policy.assertAdmin(actor);
    await this.assertWorkshop(workshopId);
    const account = await this.people.account(userId);
    if (!account?.active) throw new WorkshopNotFoundError('person');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WorkshopOrganiser)
      .values({ workshopId, userId, grantedById: actor.id })
      .orIgnore()
      .execute();
    return this.list(actor, workshopId);
  }

  async revoke(actor: Actor, workshopId: string, userId: string): Promise<void> {
    this.policy.assertAdmin(actor);
    await this.assertWorkshop(workshopId);
    await this.dataSource.manager.delete(WorkshopOrganiser, { workshopId, userId });
  }

  private async assertWorkshop(id: string): Promise<void> {
    if (!(await this.dataSource.manager.exists(Workshop, { where: { id } }))) throw new WorkshopNotFoundError();
  }
}
