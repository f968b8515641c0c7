import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { FreeTextService } from './free-text.service';
import { Institution } from './institution.entity';
import { Region } from './region.entity';

/**
 * Matches waiting free text whenever an institution or region is saved (created by an
 * administrator, imported from CSV, made while resolving free text, confirmed from pending,
 * renamed, or given a merged duplicate's names), inside that save's transaction: whichever way a
 * record arrives, a value that now names exactly one record finds it. Costs one indexed query
 * when no waiting value has one of the record's names.
 */
@Injectable()
export class FreeTextSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly freeText: FreeTextService,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return this.saved(event.metadata.target, event.entity, event.manager);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.saved(event.metadata.target, event.entity, event.manager);
  }

  private async saved(target: unknown, entity: unknown, em: EntityManager): Promise<void> {
    // Updates through a query builder carry only the changed columns; the records' services save whole entities.
    const id = (entity as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') return;
    if (target === Institution) await this.freeText.matchInstitutions([id], em);
    else if (target === Region) await this.freeText.matchRegions([id], em);
  }
}
