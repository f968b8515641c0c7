import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CohortInput,
  CohortUpdate,
  CohortView,
  CsvImportReport,
  EnrolmentSummary,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import type { RosterAction } from '../shared/cohort-roster.component';

const id = (value: string) => encodeURIComponent(value);

/** Cohorts and the people in them, as an administrator manages them. */
@Injectable({ providedIn: 'root' })
export class AdminCohortsService {
  private readonly http = inject(HttpClient);

  create(body: CohortInput): Promise<CohortView> {
    return firstValueFrom(this.http.post<CohortView>('/api/admin/cohorts', body));
  }

  update(cohortId: string, body: CohortUpdate): Promise<CohortView> {
    return firstValueFrom(this.http.patch<CohortView>(`/api/admin/cohorts/${id(cohortId)}`, body));
  }

  setTutors(cohortId: string, tutorIds: string[]): Promise<CohortView> {
    return firstValueFrom(
      this.http.put<CohortView>(`/api/admin/cohorts/${id(cohortId)}/tutors`, { tutorIds }),
    );
  }

  enrol(cohortId: string, userId: string): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(`/api/admin/cohorts/${id(cohortId)}/enrolments`, { userId }),
    );
  }

  act(enrolmentId: string, action: RosterAction): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(`/api/admin/enrolments/${id(enrolmentId)}/${action}`, null),
    );
  }

  /** The file goes as it is (`text/csv`); the API reads it and reports on every row. */
  importCsv(cohortId: string, csv: string): Promise<CsvImportReport> {
    return firstValueFrom(
      this.http.post<CsvImportReport>(`/api/admin/cohorts/${id(cohortId)}/enrolments/import`, csv, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      }),
    );
  }
}
