import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale, Role } from '@aula/contracts';

/** Whether a person's account exists and may be used. */
export interface AccountState {
  id: string;
  active: boolean;
}

/**
 * Read-only facts about people for other domains (the reader's language, their country, whether an
 * account is active, who holds a role): no access checks here, the caller decides. Every method takes an
 * optional EntityManager so it can run inside the caller's transaction.
 */
@Injectable()
export class IdentityReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The language of the person's profile; null when unknown. */
  async locale(userId: string, em?: EntityManager): Promise<Locale | null> {
    const [row] = (await (em ?? this.dataSource).query('SELECT locale FROM users WHERE id = $1', [userId])) as {
      locale: Locale | null;
    }[];
    return row?.locale ?? null;
  }

  /** The country (ISO 3166-1 alpha-2) of each of these people, null when they gave none; unknown ids are left out. */
  async countries(userIds: string[], em?: EntityManager): Promise<Map<string, string | null>> {
    if (userIds.length === 0) return new Map();
    const rows = (await (em ?? this.dataSource).query(
      'SELECT id, country FROM users WHERE id = ANY($1::uuid[])',
      [[...new Set(userIds)]],
    )) as { id: string; country: string | null }[];
    return new Map(rows.map((r) => [r.id, r.country?.trim() || null]));
  }

  /** The account with this id; null when there is none. */
  async account(userId: string, em?: EntityManager): Promise<AccountState | null> {
    const [row] = (await (em ?? this.dataSource).query('SELECT id, active FROM users WHERE id = $1', [
      userId,
    ])) as AccountState[];
    return row ?? null;
  }

  /** The account with this (normalised) email; null when there is none. */
  async accountByEmail(email: string, em?: EntityManager): Promise<AccountState | null> {
    const [row] = (await (em ?? this.dataSource).query('SELECT id, active FROM users WHERE email = $1', [
      email,
    ])) as AccountState[];
    return row ?? null;
  }

  /** Which of these people have an active account holding the role. */
  async activeHolders(ids: string[], role: Role, em?: EntityManager): Promise<string[]> {
    const rows = (await (em ?? this.dataSource).query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND $2 = ANY(roles) AND active`,
      [ids, role],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
