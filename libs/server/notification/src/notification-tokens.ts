import { Injectable } from '@nestjs/common';
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';

/**
 * Signed unsubscribe tokens: "this person, this kind of message". No table: the signature is the
 * proof, and a token only ever turns one kind off.
 */
@Injectable()
export class NotificationTokens {
  /** A key object, not a buffer: every optional mail signs a token, and a buffer key is re-imported on each use. */
  private readonly key: KeyObject;

  constructor(config: AppConfig) {
    this.key = createSecretKey(createHmac('sha256', config.JWT_ACCESS_SECRET).update('aula:unsubscribe:v1').digest());
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  unsubscribeToken(userId: string, kind: NotificationKind): string {
    const body = Buffer.from(`${userId}.${kind}`, 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** null for anything not signed by us. */
  readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
    if (typeof token !== 'string' || token.length > 300) return null;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [userId, kind] = Buffer.from(body, 'base64url').toString('utf8').split('.');
    if (!userId || !/^[0-9a-f-]{36}$/.test(userId) || !(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '')) return null;
    return { userId, kind: kind as NotificationKind };
  }
}
