import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { EnrolmentSummary, Page, UserView } from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NameInTextComponent } from '../shared/name-in-text.component';
import { NoticeService } from '../shared/notice.service';
import { AdminCohortsService } from './admin-cohorts.service';

const SEARCH_DELAY_MS = 300;

/** Enrols one person with an account: find them by name or email, then enrol. */
@Component({
  selector: 'aula-add-trainee',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    NameInTextComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <form *transloco="let t" class="add" (submit)="$event.preventDefault(); enrol()">
      <mat-form-field class="person">
        <mat-label>{{ t('admin.cohort.addPerson') }}</mat-label>
        <input
          #personInput
          matInput
          type="search"
          autocomplete="off"
          [matAutocomplete]="people"
          (input)="typed($event)"
        />
        <mat-hint>{{ t('admin.cohort.addPersonHint') }}</mat-hint>
        <mat-autocomplete #people="matAutocomplete" [displayWith]="label" (optionSelected)="chosen($event)">
          @for (person of results(); track person.id) {
            <mat-option [value]="person">
              <bdi dir="auto">{{ person.displayName }}</bdi>
              <span class="email">{{ person.email }}</span>
            </mat-option>
          }
          @if (searched() && results().length === 0) {
            <mat-option disabled>{{ t('admin.cohort.nobodyFound') }}</mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>
      <button mat-flat-button type="submit" class="submit" [disabled]="!selected() || busy()">
        {{ t('admin.cohort.enrol') }}
      </button>
      @if (selected(); as person) {
        <p class="chosen">
          <aula-name-in-text key="admin.cohort.chosenPerson" [name]="person.displayName" />
        </p>
      }
    </form>
  `,
  styles: `
    .add {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 12px;
    }
    .person {
      flex: 1 1 20rem;
    }
    .submit {
      margin-block-start: 8px;
    }
    .email {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .chosen {
      flex: 1 0 100%;
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AddTraineeComponent {
  private readonly http = inject(HttpClient);
  private readonly cohorts = inject(AdminCohortsService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchNumber = 0;

  readonly cohortId = input.required<string>();
  readonly enrolled = output<EnrolmentSummary>();
  private readonly personInput = viewChild.required<ElementRef<HTMLInputElement>>('personInput');

  protected readonly results = signal<UserView[]>([]);
  protected readonly searched = signal(false);
  protected readonly selected = signal<UserView | null>(null);
  protected readonly busy = signal(false);
  protected readonly label = (person: UserView | string | null) =>
    typeof person === 'string' ? person : (person?.displayName ?? '');

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.selected.set(null);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(value), SEARCH_DELAY_MS);
  }

  protected chosen(event: MatAutocompleteSelectedEvent): void {
    this.selected.set(event.option.value as UserView);
  }

  protected async enrol(): Promise<void> {
    const person = this.selected();
    if (!person || this.busy()) return;
    this.busy.set(true);
    try {
      const enrolment = await this.cohorts.enrol(this.cohortId(), person.id);
      this.notices.show(
        this.transloco.translate(
          enrolment.status === 'waitlisted' ? 'admin.cohort.personWaitlisted' : 'admin.cohort.personEnrolled',
          { name: person.displayName },
        ),
      );
      this.selected.set(null);
      this.results.set([]);
      this.searched.set(false);
      this.personInput().nativeElement.value = '';
      this.enrolled.emit(enrolment);
    } catch (error) {
      const status = statusOf(error);
      const detail = problemOf(error)?.detail;
      const readable = detail && speaksReadersLanguage(error, this.language.active());
      const key =
        status === 0
          ? 'errors.offline'
          : status === 409
            ? 'admin.cohort.alreadyIn'
            : status === 400
              ? 'admin.cohort.cannotEnrol'
              : 'errors.unexpected';
      this.notices.show(
        readable && status !== 0 ? detail : this.transloco.translate(key, { name: person.displayName }),
        'error',
      );
    } finally {
      this.busy.set(false);
    }
  }

  private async search(value: string): Promise<void> {
    const q = value.trim();
    const number = ++this.searchNumber;
    if (q.length < 2) {
      this.results.set([]);
      this.searched.set(false);
      return;
    }
    try {
      const page = await firstValueFrom(
        this.http.get<Page<UserView>>(identityApi.users.path, { params: { q, limit: 8 } }),
      );
      // Answers may come back out of order on a slow link: keep only the latest search's.
      if (number !== this.searchNumber) return;
      this.results.set(page.items.filter((person) => person.active));
      this.searched.set(true);
    } catch {
      if (number === this.searchNumber) this.results.set([]);
    }
  }
}
