import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What another domain keeps that points at institutions (a workshop's host, an action plan's lead
 * institution, a document's authors). The directory may not read those tables, so each domain
 * registers one hook: a merge moves its references to the survivor inside the merge's own
 * transaction, and a delete is refused while it counts any.
 */
export interface InstitutionReferenceHook {
  /** A short plural noun for the report (`workshops`, `actionPlanActivities`); registering it again replaces it. */
  name: string;
  /** How many of the domain's records point at these institutions. */
  count(institutionIds: string[], manager: EntityManager): Promise<number>;
  /**
   * Points every reference to `fromIds` at `toId`, resolving what would then be duplicates as
   * the domain sees fit; resolves how many records changed. Runs inside the merge's transaction:
   * throw to undo the whole merge.
   */
  move(fromIds: string[], toId: string, manager: EntityManager): Promise<number>;
}

/** The registry of reference hooks; domains call `register` from their module's `onModuleInit`. */
@Injectable()
export class DirectoryHooks {
  private readonly hooks = new Map<string, InstitutionReferenceHook>();

  register(hook: InstitutionReferenceHook): void {
    this.hooks.set(hook.name, hook);
  }

  unregister(name: string): void {
    this.hooks.delete(name);
  }

  all(): InstitutionReferenceHook[] {
    return [...this.hooks.values()];
  }
}
