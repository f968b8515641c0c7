import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type {
  FreeTextField,
  FreeTextMatchReport,
  FreeTextStatus,
  FreeTextValueView,
  InstitutionRef,
  Page,
  RegionRef,
} from '@aula/contracts';
import { FREE_TEXT_FIELDS, FREE_TEXT_STATUSES, directoryApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { CursorPages } from '../shared/cursor-pages';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LIST_PAGE, chosen, type ListSpec } from '../shared/list-page.component';
import { NoticeService } from '../shared/notice.service';
import { AdminDirectoryService } from './admin-directory.service';
import { CreateRecordDialogComponent, type CreateRecordDialogData } from './create-record-dialog.component';
import { DirectoryNavComponent } from './directory-nav.component';
import { InstitutionPickerComponent } from './institution-picker.component';

const PAGE_SIZE = 20;
const LIST: ListSpec<FreeTextValueView> = {
  key: (item) => `${item.field}:${item.key}`,
  texts: {
    caption: 'adminDirectory.freeText.caption',
    loadFailed: 'adminDirectory.freeText.loadFailed',
    empty: 'adminDirectory.freeText.empty',
    pager: 'adminDirectory.freeText.pager',
  },
  columns: [
    { key: 'adminDirectory.freeText.columns.value' },
    { key: 'adminDirectory.freeText.columns.field' },
    { key: 'adminDirectory.freeText.columns.people' },
    { key: 'adminDirectory.freeText.columns.status' },
    { key: 'adminDirectory.freeText.columns.home' },
  ],
};

const rowKey = (item: FreeTextValueView) => `${item.field}:${item.key}`;

/**
 * `/admin/directory/free-text`: what people typed as organisation or region before the directory
 * existed, grouped by spelling. Unambiguous ones are matched in one go; the rest get a record
 * picked, a new one, or are ignored.
 */
@Component({
  selector: 'aula-free-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    MatButtonModule,
    TranslocoDirective,
    DirectoryNavComponent,
    InstitutionPickerComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './free-text.component.html',
  styleUrl: './free-text.component.scss',
})
export default class FreeTextComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly fields = FREE_TEXT_FIELDS;
  protected readonly statuses = FREE_TEXT_STATUSES;
  protected readonly list = LIST;
  protected readonly field = signal<FreeTextField | ''>('');
  protected readonly status = signal<FreeTextStatus>('open');
  protected readonly pages = new CursorPages();
  protected readonly busyKey = signal<string | null>(null);
  protected readonly matching = signal(false);
  protected readonly matchReport = signal<FreeTextMatchReport | null>(null);
  /** The candidate chosen in each row's list, by row; the first candidate until another is chosen. */
  private readonly choices = signal<Record<string, string>>({});
  /** A record found with the search, for a row whose candidates do not include the right one. */
  private readonly found = signal<Record<string, InstitutionRef>>({});

  protected readonly values = httpResource<Page<FreeTextValueView>>(() => {
    const params: Record<string, string | number> = {
      limit: PAGE_SIZE,
      status: this.status(),
      locale: this.language.active(),
    };
    const cursor = this.pages.cursor();
    if (this.field()) params['field'] = this.field();
    if (cursor) params['cursor'] = cursor;
    return { url: directoryApi.freeText.path, params };
  });

  protected readonly regionOptions = httpResource<Page<RegionRef>>(() => ({
    url: directoryApi.adminRegions.path,
    params: { limit: 100, locale: this.language.active() },
  }));
  protected readonly regions = computed(() =>
    this.regionOptions.hasValue() ? this.regionOptions.value().items : [],
  );

  protected key(item: FreeTextValueView): string {
    return rowKey(item);
  }

  protected open(item: FreeTextValueView): boolean {
    return item.status === 'open' || item.status === 'ignored';
  }

  /** The records offered in the row's list: its candidates, the one found with the search, and for regions every region. */
  protected options(item: FreeTextValueView): (InstitutionRef | RegionRef)[] {
    const found = this.found()[rowKey(item)];
    const base: (InstitutionRef | RegionRef)[] = [...(found ? [found] : []), ...item.candidates];
    if (item.field === 'region') base.push(...this.regions());
    const seen = new Set<string>();
    return base.filter((option) => (seen.has(option.id) ? false : (seen.add(option.id), true)));
  }

  protected choice(item: FreeTextValueView): string {
    return this.choices()[rowKey(item)] ?? this.options(item)[0]?.id ?? '';
  }

  protected choose(item: FreeTextValueView, event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.choices.update((all) => ({ ...all, [rowKey(item)]: id }));
  }

  protected foundInstitution(item: FreeTextValueView, institution: InstitutionRef): void {
    this.found.update((all) => ({ ...all, [rowKey(item)]: institution }));
    this.choices.update((all) => ({ ...all, [rowKey(item)]: institution.id }));
  }

  protected filterField(event: Event): void {
    this.field.set(chosen(event, this.fields));
    this.pages.reset();
  }

  protected filterStatus(event: Event): void {
    this.status.set(chosen(event, this.statuses) || 'open');
    this.pages.reset();
  }

  protected async matchAll(): Promise<void> {
    if (this.matching()) return;
    this.matching.set(true);
    try {
      this.matchReport.set(await this.directory.matchFreeText());
      this.pages.reset();
      this.values.reload();
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'adminDirectory.freeText.matchFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.matching.set(false);
    }
  }

  protected async pick(item: FreeTextValueView): Promise<void> {
    const targetId = this.choice(item);
    if (!targetId) return;
    await this.resolve(item, () =>
      this.directory.resolveFreeText({ field: item.field, key: item.key, action: 'pick', targetId }),
    );
  }

  protected async ignore(item: FreeTextValueView): Promise<void> {
    await this.resolve(item, () =>
      this.directory.resolveFreeText({ field: item.field, key: item.key, action: 'ignore' }),
    );
  }

  protected async create(item: FreeTextValueView): Promise<void> {
    const ref = this.dialog.open<CreateRecordDialogComponent, CreateRecordDialogData, FreeTextValueView>(
      CreateRecordDialogComponent,
      { data: { value: item }, width: '32rem', maxWidth: 'calc(100vw - 32px)', autoFocus: 'first-tabbable' },
    );
    const resolved = await firstValueFrom(ref.afterClosed());
    if (resolved) this.replace(item, resolved);
  }

  private async resolve(item: FreeTextValueView, action: () => Promise<FreeTextValueView>): Promise<void> {
    this.busyKey.set(rowKey(item));
    try {
      this.replace(item, await action());
    } catch (error) {
      const status = statusOf(error);
      const key =
        status === 0
          ? 'errors.offline'
          : status === 404
            ? 'adminDirectory.freeText.gone'
            : 'adminDirectory.freeText.resolveFailed';
      this.notices.show(this.transloco.translate(key, { value: item.spellings[0] ?? item.key }), 'error');
      if (status === 404) this.values.reload();
    } finally {
      this.busyKey.set(null);
    }
  }

  private replace(item: FreeTextValueView, resolved: FreeTextValueView): void {
    this.values.update((page) =>
      page
        ? { ...page, items: page.items.map((other) => (rowKey(other) === rowKey(item) ? resolved : other)) }
        : page,
    );
    const home = resolved.candidates[0]?.displayName;
    this.notices.show(
      this.transloco.translate(
        resolved.status === 'ignored'
          ? 'adminDirectory.freeText.ignored'
          : 'adminDirectory.freeText.resolved',
        { value: item.spellings[0] ?? item.key, name: home ?? '' },
      ),
    );
  }
}
