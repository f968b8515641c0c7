import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PAGE_LIMIT_DEFAULT, type MailKind, type NotificationView, type Page } from '@aula/contracts';
import { decodeCursor, encodeCursor } from '@aula/server/database';
import { Notification } from './notification.entity';

const toView = (n: Notification): NotificationView => ({
  id: n.id,
  kind: n.kind as MailKind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The bell: a person's own in-app notifications, newest first. */
@Injectable()
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, query: { limit?: number; cursor?: string; unread?: boolean }): Promise<Page<NotificationView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(n.created_at, n.id) < (:at::timestamptz, :id::uuid)', { at, id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId])) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  /** Someone else's notification answers 404, like an absent one. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(Notification);
    const found = await repo.findOne({ where: { id, userId } });
    if (!found) throw new NotFoundException();
    if (!found.readAt) {
      found.readAt = new Date();
      await repo.update({ id, userId }, { readAt: found.readAt });
    }
    return toView(found);
  }

  async markAllRead(userId: string): Promise<number> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as [unknown, number];
    return affected;
  }
}
