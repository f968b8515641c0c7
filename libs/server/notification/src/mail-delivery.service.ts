import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  notificationApi,
  routeUrl,
  SECURITY_KIND,
  webPages,
  type DeliveryMode,
  type MailRequest,
  type NotificationKind,
} from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { PreparedSql } from '@aula/server/database';
import { localDate } from './local-time';
import { MailContentLoader, type Recipient } from './mail-content';
import type { LedgerStatus } from './mail-ledger-entry.entity';
import { renderMail, TEMPLATE_KIND } from './mail-templates';
import { MailTransport, PermanentMailError, TemporaryMailError } from './mail.transport';
import { NotificationTokens } from './notification-tokens';
import { MAIL_BATCHING, StatementBatcher } from './statement-batcher';

/**
 * `duplicate`: another copy settled this message already. `deferred`: another copy holds it and has
 * not finished; the job must ask again later (the claim is taken over once it is STALE_CLAIM_MINUTES
 * old, so a worker killed mid-send loses nothing).
 */
export type DeliveryOutcome = 'sent' | 'held' | 'skipped' | 'cancelled' | 'duplicate' | 'deferred' | 'failed';

/** A claim older than this is taken over: the worker that held it died mid-send. */
const STALE_CLAIM_MINUTES = 10;

export function dedupeKey(req: Pick<MailRequest, 'userId' | 'template' | 'subjectId' | 'occasion'>): string {
  return [req.userId, req.template, req.subjectId, req.occasion].join('|').slice(0, 300);
}

type Addressee = Recipient & { mode: DeliveryMode | null; flagged: string | null };

/** The person, their choice for this kind, and whether their address bounced: many at once, by position. */
const RECIPIENTS_SQL = `SELECT r.i::int AS i, u.id, u.email, u.display_name AS "displayName", u.locale, u.time_zone AS "timeZone", u.active,
       p.mode, b.reason AS flagged
  FROM unnest($1::uuid[], $2::varchar[]) WITH ORDINALITY AS r(user_id, kind, i)
  JOIN users u ON u.id = r.user_id
  LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = r.kind
  LEFT JOIN undeliverable_addresses b ON b.email = u.email`;

/**
 * The claim, and the in-app notification with it. The first to insert a ledger key owns the send;
 * a later try takes it over only while it is pending (a temporary failure) or when its owner died
 * mid-send. The in-app notification has the same unique key and does not wait for the mail: it is
 * written whatever the mail does (immediate, digest, off, flagged address, SMTP away).
 */
const CLAIM_SQL = `WITH r AS (
  SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::text[], $8::text[], $9::text[], $10::varchar[])
    WITH ORDINALITY AS r(dedupe_key, user_id, template, kind, status, error, summary, title, body, link, i)
), n AS (
  INSERT INTO notifications (user_id, dedupe_key, kind, title, body, link)
  SELECT user_id, dedupe_key, kind, title, body, link FROM r WHERE title IS NOT NULL
  ON CONFLICT (dedupe_key) DO NOTHING
), c AS (
  INSERT INTO mail_ledger (dedupe_key, user_id, template, kind, status, error, summary, claimed_at, attempts)
  SELECT dedupe_key, user_id, template, kind, status, error, summary, now(), 1 FROM r
  ON CONFLICT (dedupe_key) DO UPDATE
     SET status = EXCLUDED.status, error = EXCLUDED.error, summary = COALESCE(EXCLUDED.summary, mail_ledger.summary),
         claimed_at = now(), attempts = mail_ledger.attempts + 1
   WHERE mail_ledger.status = 'pending'
      OR (mail_ledger.status = 'sending' AND mail_ledger.claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES}))
  RETURNING dedupe_key, status
)
SELECT r.i::int AS i, c.status,
       -- For a claim not taken only: what held it (the statement's snapshot, from before it ran).
       CASE WHEN c.status IS NULL THEN (SELECT l.status FROM mail_ledger l WHERE l.dedupe_key = r.dedupe_key) END AS prior
  FROM r LEFT JOIN c ON c.dedupe_key = r.dedupe_key`;

/** Entries that will not change any more: a copy that finds one has nothing left to do. */
const SETTLED: readonly string[] = ['sent', 'held', 'skipped', 'failed', 'cancelled'];

/**
 * A claim's answer: the status now ours, or `in-flight` when another copy holds the entry and has
 * not finished (it may have died: the queue asks again later, see DeliveryOutcome `deferred`), or
 * null when the entry is settled.
 */
type ClaimAnswer = LedgerStatus | 'in-flight' | null;
const lostClaim = (answer: ClaimAnswer): DeliveryOutcome => (answer === 'in-flight' ? 'deferred' : 'duplicate');

/** The outcome of claimed sends, many at once. */
const FINISH_SQL = `UPDATE mail_ledger l
   SET status = r.status, error = r.error, sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE l.sent_at END
  FROM unnest($1::varchar[], $2::varchar[], $3::text[]) AS r(dedupe_key, status, error)
 WHERE l.dedupe_key = r.dedupe_key`;

interface Claim {
  key: string;
  userId: string;
  template: string;
  kind: string;
  /** What the entry says at once: sending (we send now), held, skipped, failed or cancelled. */
  status: LedgerStatus;
  error?: string | null;
  summary?: string | null;
  /** The bell's entry (absent for account mail and for what is no longer due). */
  inApp?: { title: string; body: string; link: string | null } | null;
}

/**
 * Sends one message at most once. The ledger's unique dedupe key is claimed in PostgreSQL before
 * anything goes out; whoever loses the claim stops. Temporary SMTP failures put the entry back and
 * throw (the queue retries with backoff); permanent ones mark it failed and flag the address.
 *
 * The in-app notification (the bell) is written with the claim, before any mail goes out, and
 * whatever the person chose for the e-mail: "off" turns the e-mail off, not the notification.
 *
 * The statements of many messages in flight at once go together (StatementBatcher), so a burst
 * of reminders costs a few round trips per batch instead of several per message.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly recipientsSql = new PreparedSql(RECIPIENTS_SQL);
  private readonly claimSql = new PreparedSql(CLAIM_SQL);
  private readonly finishSql = new PreparedSql(FINISH_SQL);
  private readonly recipients: StatementBatcher<{ userId: string; kind: string }, Addressee | null>;
  private readonly claims: StatementBatcher<Claim, ClaimAnswer>;
  private readonly finishes: StatementBatcher<{ key: string; status: LedgerStatus; error: string | null }, void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly content: MailContentLoader,
    private readonly transport: MailTransport,
    private readonly tokens: NotificationTokens,
  ) {
    const em = this.dataSource.manager;
    this.recipients = new StatementBatcher(async (items) => {
      const rows = await this.recipientsSql.run<Addressee & { i: number }>(em, [items.map((r) => r.userId), items.map((r) => r.kind)]);
      const byIndex = new Map(rows.map(({ i, ...row }) => [i, row]));
      return items.map((_, i) => byIndex.get(i + 1) ?? null);
    }, MAIL_BATCHING);
    this.claims = new StatementBatcher(async (items) => {
      // One statement cannot claim the same key twice: a copy in the same batch has lost already.
      const first = new Map<string, number>();
      items.forEach((c, i) => (first.has(c.key) ? undefined : first.set(c.key, i)));
      // In key order, so two workers claiming overlapping batches take their row locks in the same order.
      const unique = [...first.values()].map((i) => items[i] as Claim).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const rows = await this.claimSql.run<{ i: number; status: LedgerStatus | null; prior: LedgerStatus | null }>(em, [
        unique.map((c) => c.key),
        unique.map((c) => c.userId),
        unique.map((c) => c.template),
        unique.map((c) => c.kind),
        unique.map((c) => c.status),
        unique.map((c) => c.error ?? null),
        unique.map((c) => c.summary ?? null),
        unique.map((c) => c.inApp?.title ?? null),
        unique.map((c) => c.inApp?.body ?? null),
        unique.map((c) => c.inApp?.link ?? null),
      ]);
      const answer = new Map<string | undefined, ClaimAnswer>(
        rows.map((r) => [unique[r.i - 1]?.key, r.status ?? (r.prior && SETTLED.includes(r.prior) ? null : 'in-flight')]),
      );
      // A later copy in the same batch waits for the first one's outcome, like any other copy.
      return items.map((c, i) => (first.get(c.key) === i ? (answer.get(c.key) ?? null) : 'in-flight'));
    }, MAIL_BATCHING);
    this.finishes = new StatementBatcher(async (items) => {
      await this.finishSql.run(em, [items.map((f) => f.key), items.map((f) => f.status), items.map((f) => f.error)]);
      return items.map((): void => undefined);
    }, MAIL_BATCHING);
  }

  private link(path: string): string {
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    return /^https?:/.test(path) ? path : `${base}${path}`;
  }

  unsubscribeUrl(userId: string, kind: NotificationKind): string {
    return this.link(routeUrl(notificationApi.unsubscribePage, { token: this.tokens.unsubscribeToken(userId, kind) }));
  }

  async recipient(userId: string): Promise<Recipient | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale, time_zone AS "timeZone", active FROM users WHERE id = $1`,
      [userId],
    )) as Recipient[];
    return row ?? null;
  }

  private finish(key: string, status: LedgerStatus, error: string | null = null): Promise<void> {
    return this.finishes.push({ key, status, error });
  }

  /** `lastAttempt`: the queue will not retry again, so a temporary failure becomes final. */
  async deliver(req: MailRequest, lastAttempt = false): Promise<DeliveryOutcome> {
    const kind = TEMPLATE_KIND[req.template];
    const to = await this.recipients.push({ userId: req.userId, kind });
    if (!to?.active) return 'skipped';
    const security = kind === SECURITY_KIND;
    const mode: DeliveryMode = security ? 'immediate' : (to.mode ?? 'immediate');
    const key = dedupeKey(req);
    const base = { key, userId: to.id, template: req.template, kind };
    const publicUrl = this.config.PUBLIC_URL.replace(/\/+$/, '');

    // Account mail (invitation, password reset) issues a single-use token as it loads: the claim
    // comes first, so a duplicate never replaces the token of a mail already sent. It has no bell.
    if (security) {
      const answer = await this.claims.push({ ...base, status: 'sending' });
      if (answer !== 'sending') return lostClaim(answer);
    }
    // Only the owner of the claim may record an outcome: a copy that fails before claiming leaves the entry alone.
    let owned = security;

    try {
      const loaded = await this.content.prepare(req, to, publicUrl);
      if (!loaded) {
        if (security) await this.finish(key, 'cancelled');
        else {
          const answer = await this.claims.push({ ...base, status: 'cancelled' });
          if (answer !== 'cancelled') return lostClaim(answer);
        }
        return 'cancelled';
      }
      const params = { ...loaded.params, name: to.displayName, platform: this.config.PLATFORM_NAME };
      const unsubscribe = security ? undefined : this.unsubscribeUrl(to.id, kind);
      const mail = renderMail(req.template, to.locale, params, {
        action: this.link(loaded.path),
        preferences: security ? undefined : this.link(routeUrl(webPages.notificationPreferences)),
        unsubscribe,
        items: loaded.items,
      });
      if (!security) {
        const status: LedgerStatus = mode === 'off' ? 'skipped' : mode === 'digest' ? 'held' : to.flagged ? 'failed' : 'sending';
        const claimed = await this.claims.push({
          ...base,
          status,
          error: status === 'failed' ? `address flagged: ${to.flagged}` : null,
          summary: mode === 'digest' ? mail.subject : null,
          inApp: { title: mail.subject, body: mail.summary, link: loaded.path.startsWith('/') ? loaded.path : null },
        });
        if (claimed !== status) return lostClaim(claimed);
        owned = true;
        if (status !== 'sending') return status === 'skipped' ? 'skipped' : status === 'held' ? 'held' : 'failed';
      } else if (to.flagged) {
        await this.finish(key, 'failed', `address flagged: ${to.flagged}`);
        return 'failed';
      }
      await this.transport.send({ to: { name: to.displayName, address: to.email }, subject: mail.subject, html: mail.html, text: mail.text, unsubscribeUrl: unsubscribe, attachments: loaded.attachments });
      await this.finish(key, 'sent');
      return 'sent';
    } catch (e) {
      if (!owned) throw e;
      if (e instanceof PermanentMailError) {
        await this.finish(key, 'failed', e.message);
        await this.dataSource.query(
          `INSERT INTO undeliverable_addresses (email, reason) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`,
          [to.email, `${e.code} ${e.message}`.slice(0, 500)],
        );
        this.logger.warn({ userId: to.id, code: e.code }, 'mail refused for good; address flagged');
        return 'failed';
      }
      const message = e instanceof Error ? e.message : String(e);
      await this.finish(key, lastAttempt ? 'failed' : 'pending', message.slice(0, 500));
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
        preferences: this.link(routeUrl(webPages.notificationPreferences)),
        items: held.map((h) => h.summary),
      });
      await this.transport.send({ to: { name: to.displayName, address: to.email }, subject: mail.subject, html: mail.html, text: mail.text });
      await em.query(`UPDATE mail_ledger SET status = 'digested', sent_at = now() WHERE id = ANY($1::uuid[])`, [held.map((h) => h.id)]);
      await em.query(`UPDATE mail_ledger SET status = 'sent', sent_at = now() WHERE id = $1`, [inserted[0]?.id]);
      return true;
    });
  }
}
