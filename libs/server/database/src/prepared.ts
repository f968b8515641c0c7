import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** What `pg` offers for a named statement (its client and its pool both answer this). */
interface NamedQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A statement run as a named prepared statement: PostgreSQL parses and plans it once per pooled
 * connection instead of on every call. For the few statements on hot write paths (a quiz submit
 * under a burst) whose joins cost more to plan than to run. The name is derived from the text, so
 * two statements never share one.
 */
export class PreparedSql {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `aula_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  }

  /**
   * Runs it with `values` on the entity manager's connection: inside a transaction, its own
   * connection; otherwise any pooled one. Resolves the rows (for UPDATE … RETURNING too).
   */
  async run<T>(em: EntityManager, values: unknown[]): Promise<T[]> {
    const runner = em.queryRunner;
    const target = (
      runner && !runner.isReleased
        ? await runner.connect()
        : (em.connection.driver as unknown as { master: NamedQueryable }).master
    ) as NamedQueryable;
    try {
      const result = await target.query({ name: this.name, text: this.text, values });
      return result.rows as T[];
    } catch (error) {
      // The same error the ORM's own queries throw, so callers tell constraint violations apart alike.
      throw error instanceof Error && 'code' in error ? new QueryFailedError(this.text, values, error) : error;
    }
  }
}
