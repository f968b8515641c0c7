import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { WorkshopNotFoundError } from './workshops.errors';

/**
 * Who may do what with a workshop. The `organiser` capability: administrators hold it for every
 * workshop; anyone else for the workshops an administrator granted them (workshop_organisers).
 * Someone without it asking for organiser data gets a 404, as if the workshop did not exist.
 */
@Injectable()
export class WorkshopPolicy {
  constructor(private readonly dataSource: DataSource) {}

  static isAdmin(actor: Actor | null): boolean {
    return !!actor && AccessPolicy.hasRole(actor, 'admin');
  }

  async isOrganiser(actor: Actor | null, workshopId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!actor) return false;
    if (WorkshopPolicy.isAdmin(actor)) return true;
    const rows = (await em.query('SELECT 1 FROM workshop_organisers WHERE workshop_id = $1 AND user_id = $2', [
      workshopId,
      actor.id,
    ])) as unknown[];
    return rows.length > 0;
  }

  async assertOrganiser(actor: Actor, workshopId: string, em?: EntityManager): Promise<void> {
    if (!(await this.isOrganiser(actor, workshopId, em))) throw new WorkshopNotFoundError();
  }

  /** Creating workshops and granting organisers: administrators only (403). */
  assertAdmin(actor: Actor): void {
    AccessPolicy.assertRole(actor, 'admin');
  }

  /**
   * Whether the reader sees the participant list and the online links: organisers, and people
   * holding a confirmed seat.
   */
  async isInsider(actor: Actor | null, workshopId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!actor) return false;
    if (await this.isOrganiser(actor, workshopId, em)) return true;
    const rows = (await em.query(
      `SELECT 1 FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2 AND status = 'confirmed'`,
      [workshopId, actor.id],
    )) as unknown[];
    return rows.length > 0;
  }
}
