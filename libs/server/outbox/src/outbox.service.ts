import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvents, DomainEventType } from '@aula/contracts';
import { OutboxEvent } from './outbox-event.entity';

/** Domain services call this inside their transaction: the event exists exactly when the change does. */
@Injectable()
export class OutboxService {
  async add<T extends DomainEventType>(em: EntityManager, type: T, payload: DomainEvents[T]): Promise<OutboxEvent> {
    return em.save(OutboxEvent, em.create(OutboxEvent, { type, payload: payload as unknown as Record<string, unknown> }));
  }
}
