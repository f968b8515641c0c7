import { Injectable } from '@nestjs/common';
import type { Locale } from '@aula/contracts';
import { readerLocale } from '@aula/server/core';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { DirectoryPolicy, type DirectoryAudience } from '@aula/server/directory';

/** Who reads a public directory route, and in which language. */
export interface DirectoryReaderContext {
  audience: DirectoryAudience;
  locale: Locale | null;
}

/** The reader's language: their choice (`?locale=`), else their profile's, else their browser's. */
@Injectable()
export class DirectoryReaderLocale {
  constructor(private readonly identity: IdentityReader) {}

  async of(
    actor: Actor | null,
    explicit: Locale | undefined,
    acceptLanguage: string | undefined,
  ): Promise<Locale | null> {
    const profile = explicit || !actor ? null : await this.identity.locale(actor.id);
    return readerLocale(explicit, profile, acceptLanguage);
  }

  async context(
    actor: Actor | null,
    explicit: Locale | undefined,
    acceptLanguage: string | undefined,
  ): Promise<DirectoryReaderContext> {
    return {
      audience: DirectoryPolicy.readerAudience(actor),
      locale: await this.of(actor, explicit, acceptLanguage),
    };
  }
}
