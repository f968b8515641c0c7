import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CohortInput,
  CohortUpdate,
  CohortView,
  CsvImportReport,
  EnrolmentSummary,
} from '@aula/contracts';
import { enrolmentApi, routeUrl, type ApiRoute } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import type { RosterAction } from '../shared/cohort-roster.component';

const ROSTER_ACTIONS = {
  approve: enrolmentApi.approve,
  reject: enrolmentApi.reject,
  withdraw: enrolmentApi.adminWithdraw,
} as const satisfies Record<RosterAction, ApiRoute>;

/** Cohorts and the people in them, as an administrator manages them. */
@Injectable({ providedIn: 'root' })
export class AdminCohortsService {
  private readonly http = inject(HttpClient);

  create(body: CohortInput): Promise<CohortView> {
    return firstValueFrom(this.http.post<CohortView>(enrolmentApi.createCohort.path, body));
  }

  update(cohortId: string, body: CohortUpdate): Promise<CohortView> {
    return firstValueFrom(
      this.http.patch<CohortView>(routeUrl(enrolmentApi.updateCohort, { id: cohortId }), body),
    );
  }

  setTutors(cohortId: string, tutorIds: string[]): Promise<CohortView> {
    return firstValueFrom(
      this.http.put<CohortView>(routeUrl(enrolmentApi.setTutors, { id: cohortId }), { tutorIds }),
    );
  }

  enrol(cohortId: string, userId: string): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(routeUrl(enrolmentApi.enrolPerson, { id: cohortId }), { userId }),
    );
  }

  act(enrolmentId: string, action: RosterAction): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(routeUrl(ROSTER_ACTIONS[action], { id: enrolmentId }), null),
    );
  }

  /** The file goes as it is (`text/csv`); the API reads it and reports on every row. */
  importCsv(cohortId: string, csv: string): Promise<CsvImportReport> {
    return firstValueFrom(
      this.http.post<CsvImportReport>(routeUrl(enrolmentApi.importEnrolments, { id: cohortId }), csv, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      }),
    );
  }
}
