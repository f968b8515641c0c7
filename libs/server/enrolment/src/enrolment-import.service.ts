import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CsvImportReport, CsvRowOutcome, Locale } from '@aula/contracts';
import { isPgError, PG } from '@aula/server/database';
import { AccessPolicy, IdentityReader, InvitationService, type Actor } from '@aula/server/identity';
import { FreeTextService } from '@aula/server/directory';
import { readEnrolmentCsv, type EnrolmentCsvRow } from './enrolment-csv.reader';
import { EnrolmentService } from './enrolment.service';

/** A row that cannot be applied; its transaction rolls back and the report says why. */
class RowRefused extends Error {}

type RowReport = CsvImportReport['rows'][number];

/**
 * Bulk enrolment from a CSV file. Each row runs in its own transaction: it is applied whole
 * (account + invitation + enrolment + events) or not at all, and a bad row never stops the others.
 * People who have no account get one with an invitation to choose their password; the details of
 * people who already have an account are left as they are. A new person's `organisation` and
 * `region` go to the directory as typed: a text that names exactly one institution (of the row's
 * country) or region makes them a member of it or puts them in it; the rest wait for an
 * administrator in the free-text list.
 */
@Injectable()
export class EnrolmentImportService {
  private readonly logger = new Logger(EnrolmentImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly invitations: InvitationService,
    private readonly people: IdentityReader,
    private readonly freeText: FreeTextService,
  ) {}

  async import(actor: Actor, cohortId: string, csv: string): Promise<CsvImportReport> {
    AccessPolicy.assertRole(actor, 'admin');
    const [cohort] = (await this.dataSource.query(
      `SELECT c.time_zone AS "timeZone", co.default_locale AS "courseLocale" FROM cohorts c JOIN courses co ON co.id = c.course_id WHERE c.id = $1`,
      [cohortId],
    )) as { timeZone: string; courseLocale: Locale }[];
    if (!cohort) throw new NotFoundException('No such cohort.');

    const rows: RowReport[] = [];
    for (const entry of readEnrolmentCsv(csv)) {
      if (!entry.ok)
        rows.push({
          line: entry.line,
          email: entry.email,
          outcome: 'error',
          message: `Line ${entry.line} ${entry.message}.`,
        });
      else rows.push(await this.importRow(actor, cohortId, entry.row, cohort));
    }
    const counts: Record<CsvRowOutcome, number> = {
      enrolled: 0,
      'invited-and-enrolled': 0,
      waitlisted: 0,
      'already-enrolled': 0,
      error: 0,
    };
    for (const row of rows) counts[row.outcome] += 1;
    return { rows, counts };
  }

  private async importRow(
    actor: Actor,
    cohortId: string,
    row: EnrolmentCsvRow,
    defaults: { timeZone: string; courseLocale: Locale },
  ): Promise<RowReport> {
    const report = (outcome: CsvRowOutcome, message?: string): RowReport => ({
      line: row.line,
      email: row.email,
      outcome,
      ...(message ? { message } : {}),
    });
    try {
      return await this.dataSource.transaction(async (em) => {
        const cohort = await this.enrolments.lockCohort(em, cohortId);
        if (!cohort) throw new RowRefused('the cohort no longer exists');
        const existing = await this.people.accountByEmail(row.email, em);
        let userId: string;
        let invited = false;
        if (existing) {
          if (!existing.active) throw new RowRefused('belongs to a deactivated account');
          userId = existing.id;
        } else {
          if (!row.displayName?.trim())
            throw new RowRefused('needs a display_name: there is no account with this email yet');
          const { user } = await this.invitations.inviteNewUser(
            em,
            {
              email: row.email,
              displayName: row.displayName,
              locale: row.locale ?? defaults.courseLocale,
              timeZone: row.timeZone ?? defaults.timeZone,
              country: row.country,
            },
            actor.id,
          );
          userId = user.id;
          await this.freeText.record(userId, 'organisation', row.organisation, em);
          await this.freeText.record(userId, 'region', row.region, em);
          invited = true;
        }
        const placed = await this.enrolments.place(em, cohort, userId);
        switch (placed.outcome) {
          case 'already-enrolled':
            return report('already-enrolled', `Already in this cohort (${placed.enrolment.status}).`);
          case 'waitlisted':
            return report(
              'waitlisted',
              invited
                ? 'Invited; the cohort is full, so on the waiting list.'
                : 'The cohort is full: on the waiting list.',
            );
          case 'enrolled':
            return report(invited ? 'invited-and-enrolled' : 'enrolled');
        }
      });
    } catch (e) {
      if (e instanceof RowRefused) return report('error', `Line ${row.line} ${e.message}.`);
      if (isPgError(e, PG.uniqueViolation, 'users_email_key')) {
        return report(
          'error',
          `Line ${row.line}: an account with this email was created at the same moment; import this row again.`,
        );
      }
      // Only the kind of failure: the row's content, and query parameters, are personal data.
      const code = (e as { driverError?: { code?: string } }).driverError?.code;
      this.logger.error(
        { line: row.line, error: e instanceof Error ? e.name : typeof e, code },
        'bulk enrolment row failed',
      );
      return report('error', `Line ${row.line} could not be imported; nothing of it was saved.`);
    }
  }
}
