import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { Page, RegionStatus, RegionView, WorldRegion } from '@aula/contracts';
import { REGION_STATUSES, WORLD_REGIONS, directoryApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { CursorPages } from '../shared/cursor-pages';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { LIST_PAGE, chosen, type ListSpec } from '../shared/list-page.component';
import { NoticeService } from '../shared/notice.service';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryNavComponent } from './directory-nav.component';
import { countryName, refusedReferences } from './directory-rules';
import { ReferencesDialogComponent, type ReferencesDialogData } from './references-dialog.component';

const PAGE_SIZE = 20;
const LIST: ListSpec<RegionView> = {
  key: (item) => item.id,
  texts: {
    caption: 'adminDirectory.regions.caption',
    loadFailed: 'adminDirectory.regions.loadFailed',
    empty: 'adminDirectory.regions.empty',
    pager: 'adminDirectory.regions.pager',
    search: 'adminDirectory.regions.search',
  },
  columns: [
    { key: 'adminDirectory.regions.columns.region' },
    { key: 'adminDirectory.regions.columns.country' },
    { key: 'adminDirectory.regions.columns.worldRegion' },
    { key: 'adminDirectory.regions.columns.status' },
    { key: 'adminDirectory.regions.columns.institutions' },
    { key: 'adminDirectory.regions.columns.actions', hidden: true },
  ],
};

/** `/admin/directory/regions`: every region of the programme, public or not. */
@Component({
  selector: 'aula-admin-regions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, RouterLink, MatButtonModule, TranslocoDirective, IconComponent, DirectoryNavComponent],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './regions.component.html',
  styleUrl: './institutions.component.scss',
})
export default class RegionsComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly statuses = REGION_STATUSES;
  protected readonly worldRegions = WORLD_REGIONS;
  protected readonly query = signal('');
  protected readonly status = signal<RegionStatus | ''>('');
  protected readonly worldRegion = signal<WorldRegion | ''>('');
  protected readonly pages = new CursorPages();
  protected readonly busyId = signal<string | null>(null);
  protected readonly list = computed<ListSpec<RegionView>>(() =>
    this.query() || this.status() || this.worldRegion()
      ? { ...LIST, texts: { ...LIST.texts, empty: 'adminDirectory.regions.noResults' } }
      : LIST,
  );

  protected readonly regions = httpResource<Page<RegionView>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE, locale: this.language.active() };
    const cursor = this.pages.cursor();
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.status()) params['status'] = this.status();
    if (this.worldRegion()) params['worldRegion'] = this.worldRegion();
    if (cursor) params['cursor'] = cursor;
    return { url: directoryApi.adminRegions.path, params };
  });

  protected countryLabel(code: string): string {
    return countryName(code, this.language.tag());
  }

  protected filterStatus(event: Event): void {
    this.status.set(chosen(event, this.statuses));
    this.pages.reset();
  }

  protected filterWorldRegion(event: Event): void {
    this.worldRegion.set(chosen(event, this.worldRegions));
    this.pages.reset();
  }

  protected async remove(item: RegionView): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'adminDirectory.regions.deleteDialog.title',
      messageKey: 'adminDirectory.regions.deleteDialog.message',
      confirmKey: 'actions.delete',
      name: item.displayName,
      destructive: true,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.busyId.set(item.id);
    try {
      await this.directory.deleteRegion(item.id);
      this.regions.update((page) =>
        page ? { ...page, items: page.items.filter((other) => other.id !== item.id) } : page,
      );
      this.notices.show(
        this.transloco.translate('adminDirectory.regions.deleted', { name: item.displayName }),
      );
    } catch (error) {
      const references = refusedReferences(error);
      if (references) {
        this.dialog.open<ReferencesDialogComponent, ReferencesDialogData>(ReferencesDialogComponent, {
          data: { record: 'region', name: item.displayName, references, canArchive: false },
          width: '34rem',
          maxWidth: 'calc(100vw - 32px)',
        });
      } else {
        const key = statusOf(error) === 0 ? 'errors.offline' : 'adminDirectory.regions.deleteFailed';
        this.notices.show(this.transloco.translate(key, { name: item.displayName }), 'error');
      }
    } finally {
      this.busyId.set(null);
    }
  }
}
