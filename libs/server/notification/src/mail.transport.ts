import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@aula/server/core';

/** A file sent with a message (a calendar invitation). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** One-click unsubscribe URL (RFC 8058); absent for account mail. */
  unsubscribeUrl?: string;
  attachments?: MailAttachment[];
}

/** The server refused for good (5xx): do not retry, flag the address. */
export class PermanentMailError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}

/** Worth another try later: 4xx answers, timeouts, refused connections. */
export class TemporaryMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemporaryMailError';
  }
}

/** SMTP_URL as pooled nodemailer options (credentials may be in the URL). */
export function smtpOptions(smtpUrl: string, maxConnections: number): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * Pooled SMTP. Addresses travel as objects, never as concatenated strings: a display name
 * holding CR/LF or quotes is encoded by nodemailer and cannot add a header.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  /** The sender's domain, for Message-IDs (as nodemailer would take it). */
  private readonly idDomain: string;

  constructor(private readonly config: AppConfig) {
    this.idDomain = /@([^\s<>@]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'localhost';
  }

  private get transport(): Transporter {
    this.transporter ??= createTransport(smtpOptions(this.config.SMTP_URL, this.config.MAIL_POOL_SIZE));
    return this.transporter;
  }

  async send(mail: OutgoingMail): Promise<string> {
    try {
      // The Message-ID and the MIME boundaries come from one pooled UUID: left to nodemailer they
      // are six reads of the system's random source per message, each a system call.
      const id = randomUUID();
      // Composed to one buffer first and handed over whole: the socket then takes the message in
      // one write instead of one per MIME part and header block, which under a burst of reminders
      // was a large share of the worker's time. The composer is the one sendMail itself uses.
      const message = new MailComposer({
        from: this.config.MAIL_FROM,
        to: { name: mail.to.name.replace(/\p{Cc}+/gu, ' '), address: mail.to.address },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        headers: mail.unsubscribeUrl
          ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
        messageId: `<${id}@${this.idDomain}>`,
        baseBoundary: id.replace(/-/g, ''),
      }).compile();
      const envelope = message.getEnvelope();
      const messageId = message.messageId();
      // The id given again, so the transport does not draw a second one for the wrapper it never sends.
      await this.transport.sendMail({ envelope, messageId, raw: await message.build() });
      return messageId;
    } catch (e) {
      const err = e as { responseCode?: number; response?: string; message?: string; code?: string };
      const detail = (err.response ?? err.message ?? String(e)).slice(0, 300);
      if (typeof err.responseCode === 'number' && err.responseCode >= 500) throw new PermanentMailError(err.responseCode, detail);
      throw new TemporaryMailError(`${err.code ?? err.responseCode ?? 'SMTP'}: ${detail}`);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = null;
  }
}
