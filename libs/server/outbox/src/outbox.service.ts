import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvents, DomainEventType } from '@aula/contracts';
import { PreparedSql } from '@aula/server/database';
import { OutboxEvent } from './outbox-event.entity';

const INSERT_EVENT = new PreparedSql(
  `INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id, created_at AS "createdAt"`,
);

/** Domain services call this inside their transaction: the event exists exactly when the change does. */
@Injectable()
export class OutboxService {
  /** One prepared INSERT: it runs in every grade release and completion, so without the ORM's save cycle. */
  async add<T extends DomainEventType>(em: EntityManager, type: T, payload: DomainEvents[T]): Promise<OutboxEvent> {
    const [row] = await INSERT_EVENT.run<{ id: string; createdAt: Date }>(em, [type, JSON.stringify(payload)]);
    return Object.assign(new OutboxEvent(), {
      id: row.id,
      type,
      payload: payload as unknown as Record<string, unknown>,
      createdAt: row.createdAt,
      publishedAt: null,
      attempts: 0,
    });
  }
}
