import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, isPgError, PG, PreparedSql } from '@aula/server/database';
import { ALL_ENTITIES } from './entities';

/** Named prepared statements on hot paths behave like the ORM's own queries. */
describe('PreparedSql', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource({ ...dataSourceOptions(process.env['DATABASE_URL'] as string, 2), entities: ALL_ENTITIES }).initialize();
  });
  afterAll(() => dataSource.destroy());

  const insert = new PreparedSql(`INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id, type`);
  const byId = new PreparedSql(`SELECT type, payload->>'n' AS n FROM outbox_events WHERE id = $1`);

  it('names each statement after its text', () => {
    expect(insert.name).toMatch(/^aula_[0-9a-f]{24}$/);
    expect(new PreparedSql(insert.text).name).toBe(insert.name);
    expect(byId.name).not.toBe(insert.name);
  });

  it('runs inside the caller transaction, so a rollback takes its writes back', async () => {
    let id = '';
    await expect(
      dataSource.transaction(async (em) => {
        const [row] = await insert.run<{ id: string; type: string }>(em, ['probe.rolled-back', JSON.stringify({ n: 1 })]);
        id = row.id;
        // Visible on the transaction's own connection…
        expect(await byId.run(em, [id])).toEqual([{ type: 'probe.rolled-back', n: '1' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // …and gone after the rollback, read through the pool (no transaction).
    expect(await byId.run(dataSource.manager, [id])).toEqual([]);
  });

  it('keeps what a committed transaction wrote, run many times on the same connections', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) {
      await dataSource.transaction(async (em) => {
        const [row] = await insert.run<{ id: string }>(em, ['probe.committed', JSON.stringify({ n })]);
        ids.push(row.id);
      });
    }
    const rows = await Promise.all(ids.map((id) => byId.run<{ n: string }>(dataSource.manager, [id])));
    expect(rows.map(([r]) => Number(r.n))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await dataSource.query('DELETE FROM outbox_events WHERE id = ANY($1::uuid[])', [ids]);
  });

  it('throws the same error type as the ORM, so constraint checks still recognise it', async () => {
    const [existing] = await insert.run<{ id: string }>(dataSource.manager, ['probe.duplicate', '{}']);
    const duplicate = new PreparedSql(`INSERT INTO outbox_events (id, type, payload) VALUES ($1, 'probe.duplicate', '{}')`);
    const error = await duplicate.run(dataSource.manager, [existing.id]).catch((e: unknown) => e);
    expect(isPgError(error, PG.uniqueViolation)).toBe(true);
    await dataSource.query('DELETE FROM outbox_events WHERE id = $1', [existing.id]);
  });
});
