import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { Router, RouterLink } from '@angular/router';
import type {
  InstitutionKind,
  InstitutionRef,
  InstitutionStatus,
  InstitutionView,
  Page,
  StakeholderSector,
} from '@aula/contracts';
import {
  DIRECTORY_LIMITS,
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  STAKEHOLDER_SECTORS,
  directoryApi,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { countryOptions } from '../shared/countries';
import { CursorPages } from '../shared/cursor-pages';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { LIST_PAGE, chosen, type ListSpec } from '../shared/list-page.component';
import { NoticeService } from '../shared/notice.service';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryNavComponent } from './directory-nav.component';
import { countryName } from './directory-rules';
import { InstitutionDeletion } from './institution-deletion';

const PAGE_SIZE = 20;
const LIST: ListSpec<InstitutionView> = {
  key: (item) => item.id,
  texts: {
    caption: 'adminDirectory.institutions.caption',
    loadFailed: 'adminDirectory.institutions.loadFailed',
    empty: 'adminDirectory.institutions.empty',
    pageStatus: 'adminDirectory.institutions.pageStatus',
    pager: 'adminDirectory.institutions.pager',
    search: 'adminDirectory.institutions.search',
    searchHint: 'adminDirectory.institutions.searchHint',
  },
  columns: [
    { key: 'adminDirectory.institutions.columns.institution' },
    { key: 'adminDirectory.institutions.columns.kind' },
    { key: 'adminDirectory.institutions.columns.country' },
    { key: 'adminDirectory.institutions.columns.status' },
    { key: 'adminDirectory.institutions.columns.members' },
    { key: 'adminDirectory.institutions.columns.actions', hidden: true },
  ],
};

/**
 * `/admin/directory`: every institution, any status. Pending ones (proposed by people) wait for
 * a confirmation; several can be picked for a merge; one nothing refers to can be deleted.
 */
@Component({
  selector: 'aula-admin-institutions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    TranslocoDirective,
    IconComponent,
    DirectoryNavComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './institutions.component.html',
  styleUrl: './institutions.component.scss',
})
export default class InstitutionsComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly deletion = inject(InstitutionDeletion);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly statuses = INSTITUTION_STATUSES;
  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly sectors = STAKEHOLDER_SECTORS;
  protected readonly countries = computed(() => countryOptions(this.language.tag()));
  protected readonly mergeMax = DIRECTORY_LIMITS.mergeAtOnce + 1;

  protected readonly query = signal('');
  protected readonly status = signal<InstitutionStatus | ''>('');
  protected readonly kind = signal<InstitutionKind | ''>('');
  protected readonly sector = signal<StakeholderSector | ''>('');
  protected readonly country = signal('');
  protected readonly pages = new CursorPages();
  protected readonly busyId = signal<string | null>(null);
  /** Picked for a merge, kept across pages and searches. */
  protected readonly selected = signal<ReadonlyMap<string, InstitutionRef>>(new Map());
  protected readonly selectedList = computed(() => [...this.selected().values()]);

  protected readonly list = computed<ListSpec<InstitutionView>>(() =>
    this.query() || this.status() || this.kind() || this.sector() || this.country()
      ? { ...LIST, texts: { ...LIST.texts, empty: 'adminDirectory.institutions.noResults' } }
      : LIST,
  );

  protected readonly institutions = httpResource<Page<InstitutionView>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE, locale: this.language.active() };
    const cursor = this.pages.cursor();
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.status()) params['status'] = this.status();
    if (this.kind()) params['kind'] = this.kind();
    if (this.sector()) params['sector'] = this.sector();
    if (this.country()) params['country'] = this.country();
    if (cursor) params['cursor'] = cursor;
    return { url: directoryApi.adminInstitutions.path, params };
  });

  protected countryLabel(code: string): string {
    return countryName(code, this.language.tag());
  }

  protected filterStatus(event: Event): void {
    this.status.set(chosen(event, this.statuses));
    this.pages.reset();
  }

  protected filterKind(event: Event): void {
    this.kind.set(chosen(event, this.kinds));
    this.pages.reset();
  }

  protected filterSector(event: Event): void {
    this.sector.set(chosen(event, this.sectors));
    this.pages.reset();
  }

  protected filterCountry(event: Event): void {
    this.country.set((event.target as HTMLSelectElement).value);
    this.pages.reset();
  }

  protected isSelected(id: string): boolean {
    return this.selected().has(id);
  }

  protected toggle(item: InstitutionRef, on: boolean): void {
    const next = new Map(this.selected());
    if (on) next.set(item.id, item);
    else next.delete(item.id);
    this.selected.set(next);
  }

  protected clearSelection(): void {
    this.selected.set(new Map());
  }

  protected mergeSelected(): void {
    const ids = this.selectedList().map((item) => item.id);
    void this.router.navigate([this.base, 'merge'], { queryParams: { ids: ids.join(',') } });
  }

  protected async setStatus(item: InstitutionView, status: InstitutionStatus): Promise<void> {
    this.busyId.set(item.id);
    try {
      const updated = await this.directory.setInstitutionStatus(item.id, status);
      this.replace(updated);
      const key =
        status === 'active'
          ? item.status === 'pending'
            ? 'adminDirectory.institutions.confirmed'
            : 'adminDirectory.institutions.restored'
          : 'adminDirectory.institutions.archived';
      this.notices.show(this.transloco.translate(key, { name: updated.displayName }));
    } catch (error) {
      this.failed(error, 'adminDirectory.institutions.changeFailed', item.displayName);
    } finally {
      this.busyId.set(null);
    }
  }

  protected async remove(item: InstitutionView): Promise<void> {
    this.busyId.set(item.id);
    try {
      const outcome = await this.deletion.run(item);
      if (outcome === 'deleted') {
        this.institutions.update((page) =>
          page ? { ...page, items: page.items.filter((other) => other.id !== item.id) } : page,
        );
        this.toggle(item, false);
      }
      if (outcome === 'archive') await this.setStatus(item, 'archived');
      if (outcome === 'merge')
        void this.router.navigate([this.base, 'merge'], { queryParams: { ids: item.id } });
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(updated: InstitutionView): void {
    this.institutions.update((page) =>
      page ? { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
    );
  }

  private failed(error: unknown, key: string, name: string): void {
    const status = statusOf(error);
    this.notices.show(this.transloco.translate(status === 0 ? 'errors.offline' : key, { name }), 'error');
    if (status === 404) this.institutions.reload();
  }
}
