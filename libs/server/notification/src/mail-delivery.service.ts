import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SECURITY_KIND, type DeliveryMode, type NotificationKind } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { localDate } from './local-time';
import { MailContentLoader, type MailRequest, type Recipient } from './mail-content';
import { renderMail, TEMPLATE_KIND } from './mail-templates';
import { MailTransport, PermanentMailError, TemporaryMailError } from './mail.transport';
import { NotificationTokens } from './notification-tokens';

export type DeliveryOutcome = 'sent' | 'held' | 'skipped' | 'cancelled' | 'duplicate' | 'failed';

/** A claim older than this is taken over: the worker that held it died mid-send. */
const STALE_CLAIM_MINUTES = 10;

export function dedupeKey(req: Pick<MailRequest, 'userId' | 'template' | 'subjectId' | 'occasion'>): string {
  return [req.userId, req.template, req.subjectId, req.occasion].join('|').slice(0, 300);
}

/**
 * Sends one message at most once. The ledger's unique dedupe key is claimed in PostgreSQL before
 * anything goes out; whoever loses the claim stops. Temporary SMTP failures put the entry back and
 * throw (the queue retries with backoff); permanent ones mark it failed and flag the address.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly content: MailContentLoader,
    private readonly transport: MailTransport,
    private readonly tokens: NotificationTokens,
  ) {}

  private link(path: string): string {
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    return /^https?:/.test(path) ? path : `${base}${path}`;
  }

  unsubscribeUrl(userId: string, kind: NotificationKind): string {
    return this.link(`/api/notifications/unsubscribe?token=${this.tokens.unsubscribeToken(userId, kind)}`);
  }

  async recipient(userId: string): Promise<Recipient | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale, time_zone AS "timeZone", active FROM users WHERE id = $1`,
      [userId],
    )) as Recipient[];
    return row ?? null;
  }

  /** `lastAttempt`: the queue will not retry again, so a temporary failure becomes final. */
  async deliver(req: MailRequest, lastAttempt = false): Promise<DeliveryOutcome> {
    const kind = TEMPLATE_KIND[req.template];
    // One round trip: the person, their choice for this kind, and whether their address bounced.
    const [to] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.time_zone AS "timeZone", u.active,
              p.mode, (SELECT reason FROM undeliverable_addresses b WHERE b.email = u.email) AS flagged
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = $2
        WHERE u.id = $1`,
      [req.userId, kind],
    )) as (Recipient & { mode: DeliveryMode | null; flagged: string | null })[];
    if (!to?.active) return 'skipped';
    const mode: DeliveryMode = kind === SECURITY_KIND ? 'immediate' : (to.mode ?? 'immediate');
    const key = dedupeKey(req);

    // The claim: the first to insert the key owns the send; a later try takes it over only while it
    // is pending (a temporary failure) or when its owner died mid-send.
    const [claimed] = (await this.dataSource.query(
      `INSERT INTO mail_ledger (dedupe_key, user_id, template, kind, status, claimed_at, attempts)
       VALUES ($1, $2, $3, $4, $5, now(), 1)
       ON CONFLICT (dedupe_key) DO UPDATE SET status = 'sending', claimed_at = now(), attempts = mail_ledger.attempts + 1
        WHERE mail_ledger.status = 'pending'
           OR (mail_ledger.status = 'sending' AND mail_ledger.claimed_at < now() - make_interval(mins => $6))
       RETURNING status`,
      [key, to.id, req.template, kind, mode === 'off' ? 'skipped' : 'sending', STALE_CLAIM_MINUTES],
    )) as { status: string }[];
    if (!claimed) return 'duplicate';
    if (claimed.status === 'skipped') return 'skipped';
    // The in-app notification, once rendered, is written by the same statement that records the
    // outcome: one commit instead of two per message.
    let inApp: [string, string, string, string | null] | null = null;
    const finish = (status: string, error: string | null = null, summary: string | null = null) =>
      this.dataSource.query(
        `WITH n AS (
           INSERT INTO notifications (user_id, dedupe_key, kind, title, body, link)
           SELECT $5::uuid, $1, $6::varchar, $7::text, $8::text, $9::varchar WHERE $6::varchar IS NOT NULL
           ON CONFLICT (dedupe_key) DO NOTHING)
         UPDATE mail_ledger SET status = $2::varchar, error = $3::text, summary = COALESCE($4::text, summary),
                sent_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE sent_at END
          WHERE dedupe_key = $1`,
        [key, status, error, summary, to.id, ...(inApp ?? [null, null, null, null])],
      );

    try {
      if (!(await this.content.stillDue(req))) {
        await finish('cancelled');
        return 'cancelled';
      }
      const loaded = await this.content.load(req, to, this.config.PUBLIC_URL.replace(/\/+$/, ''));
      if (!loaded) {
        await finish('cancelled');
        return 'cancelled';
      }
      const params = { ...loaded.params, name: to.displayName, platform: this.config.PLATFORM_NAME };
      const unsubscribe = kind === SECURITY_KIND ? undefined : this.unsubscribeUrl(to.id, kind);
      const mail = renderMail(req.template, to.locale, params, {
        action: this.link(loaded.path),
        preferences: kind === SECURITY_KIND ? undefined : this.link('/profile/notifications'),
        unsubscribe,
      });
      if (kind !== SECURITY_KIND) inApp = [kind, mail.subject, mail.summary, loaded.path.startsWith('/') ? loaded.path : null];
      if (mode === 'digest') {
        await finish('held', null, mail.subject);
        return 'held';
      }
      if (to.flagged) {
        await finish('failed', `address flagged: ${to.flagged}`);
        return 'failed';
      }
      await this.transport.send({ to: { name: to.displayName, address: to.email }, subject: mail.subject, html: mail.html, text: mail.text, unsubscribeUrl: unsubscribe });
      await finish('sent');
      return 'sent';
    } catch (e) {
      if (e instanceof PermanentMailError) {
        await finish('failed', e.message);
        await this.dataSource.query(
          `INSERT INTO undeliverable_addresses (email, reason) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`,
          [to.email, `${e.code} ${e.message}`.slice(0, 500)],
        );
        this.logger.warn({ userId: to.id, code: e.code }, 'mail refused for good; address flagged');
        return 'failed';
      }
      const message = e instanceof Error ? e.message : String(e);
      await finish(lastAttempt ? 'failed' : 'pending', message.slice(0, 500));
      if (e instanceof TemporaryMailError || !lastAttempt) throw e;
      return 'failed';
    }
  }

  /**
   * The daily digest of one person: every held entry in one message, once per local day, sent
   * from 08:00 on their clock. Returns whether a digest went out.
   */
  async sendDigest(userId: string, now = new Date()): Promise<boolean> {
    const to = await this.recipient(userId);
    if (!to?.active) return false;
    const day = localDate(now, to.timeZone);
    const key = dedupeKey({ userId, template: 'digest', subjectId: userId, occasion: day });
    return this.dataSource.transaction(async (em) => {
      const held = (await em.query(
        `SELECT id, summary FROM mail_ledger WHERE user_id = $1 AND status = 'held' ORDER BY created_at FOR UPDATE SKIP LOCKED`,
        [userId],
      )) as { id: string; summary: string }[];
      if (!held.length) return false;
      const inserted = (await em.query(
        `INSERT INTO mail_ledger (dedupe_key, user_id, template, kind, status, claimed_at, attempts)
         VALUES ($1, $2, 'digest', 'account', 'sending', now(), 1) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [key, userId],
      )) as { id: string }[];
      if (!inserted.length) return false;
      const mail = renderMail('digest', to.locale, { name: to.displayName, platform: this.config.PLATFORM_NAME }, {
        action: this.link('/'),
        preferences: this.link('/profile/notifications'),
        items: held.map((h) => h.summary),
      });
      await this.transport.send({ to: { name: to.displayName, address: to.email }, subject: mail.subject, html: mail.html, text: mail.text });
      await em.query(`UPDATE mail_ledger SET status = 'digested', sent_at = now() WHERE id = ANY($1::uuid[])`, [held.map((h) => h.id)]);
      await em.query(`UPDATE mail_ledger SET status = 'sent', sent_at = now() WHERE id = $1`, [inserted[0]?.id]);
      return true;
    });
  }
}
