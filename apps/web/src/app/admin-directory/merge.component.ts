import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { InstitutionRef, MergeReport } from '@aula/contracts';
import { DIRECTORY_LIMITS } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NameInTextComponent } from '../shared/name-in-text.component';
import { NoticeService } from '../shared/notice.service';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryNavComponent } from './directory-nav.component';
import { countryName, mergeProblem, referenceCounts, type MergeProblem } from './directory-rules';
import { InstitutionPickerComponent } from './institution-picker.component';

/** Ids from the address (`?ids=a,b`), each once. */
function idsFrom(text: string | null): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * `/admin/directory/merge?ids=…&into=…`: duplicates of one institution folded into the one chosen
 * to stay. Every reference moves to it in one step; the report says what moved.
 */
@Component({
  selector: 'aula-directory-merge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoDirective,
    NameInTextComponent,
    DirectoryNavComponent,
    InstitutionPickerComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './merge.component.html',
  styleUrl: './merge.component.scss',
})
export default class MergeComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly max = DIRECTORY_LIMITS.mergeAtOnce + 1;
  protected readonly candidates = signal<InstitutionRef[]>([]);
  protected readonly survivorId = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<{ problem: MergeProblem; name: string | null } | null>(null);
  protected readonly report = signal<MergeReport | null>(null);

  protected readonly survivor = computed(
    () => this.candidates().find((item) => item.id === this.survivorId()) ?? null,
  );
  protected readonly duplicates = computed(() =>
    this.candidates().filter((item) => item.id !== this.survivorId()),
  );
  protected readonly candidateIds = computed(() => this.candidates().map((item) => item.id));
  protected readonly moved = computed(() => referenceCounts(this.report()?.moved));

  constructor() {
    let loaded = '';
    effect(() => {
      const params = this.params();
      const key = `${params.get('ids') ?? ''}|${params.get('into') ?? ''}`;
      if (key === loaded) return;
      loaded = key;
      untracked(() => void this.load(idsFrom(params.get('ids')), params.get('into')));
    });
  }

  protected countryLabel(code: string): string {
    return countryName(code, this.language.tag());
  }

  protected add(item: InstitutionRef): void {
    if (this.candidateIds().includes(item.id) || this.candidates().length >= this.max) return;
    this.candidates.update((list) => [...list, item]);
    if (!this.survivorId()) this.survivorId.set(item.id);
    this.problem.set(null);
  }

  protected removeCandidate(id: string): void {
    this.candidates.update((list) => list.filter((item) => item.id !== id));
    if (this.survivorId() === id) this.survivorId.set(this.candidates()[0]?.id ?? null);
    this.problem.set(null);
  }

  protected async merge(): Promise<void> {
    const survivor = this.survivor();
    const duplicates = this.duplicates();
    if (!survivor || !duplicates.length || this.busy()) return;
    const data: ConfirmDialogData = {
      titleKey: 'adminDirectory.merge.dialog.title',
      messageKey: 'adminDirectory.merge.dialog.message',
      confirmKey: 'adminDirectory.merge.submit',
      name: survivor.displayName,
      destructive: true,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '32rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const report = await this.directory.merge(
        survivor.id,
        duplicates.map((item) => item.id),
      );
      this.report.set(report);
      this.candidates.set([]);
      this.survivorId.set(null);
      this.notices.show(
        this.transloco.translate('adminDirectory.merge.done', { name: report.survivor.displayName }),
      );
      setTimeout(() => this.reportHeading()?.nativeElement.focus());
    } catch (error) {
      const read = mergeProblem(error);
      if (read) {
        const named = read.index === null ? null : (duplicates[read.index]?.displayName ?? null);
        this.problem.set({ problem: read.problem, name: named });
      } else {
        this.notices.show(
          this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'),
          'error',
        );
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected startOver(): void {
    this.report.set(null);
  }

  private async load(ids: string[], into: string | null): Promise<void> {
    const all = [...new Set([...(into ? [into] : []), ...ids])].slice(0, this.max);
    this.report.set(null);
    this.problem.set(null);
    if (!all.length) {
      this.candidates.set([]);
      this.survivorId.set(null);
      return;
    }
    this.loading.set(true);
    this.loadFailed.set(false);
    const found = await Promise.all(all.map((id) => this.directory.institution(id).catch(() => null)));
    const items = found.filter((item): item is NonNullable<typeof item> => !!item);
    this.loadFailed.set(items.length < all.length);
    this.candidates.set(items);
    // The one named to stay; else the one with most members (the likeliest original).
    const stay =
      items.find((item) => item.id === into) ??
      [...items].sort((a, b) => b.memberCount - a.memberCount)[0] ??
      null;
    this.survivorId.set(stay?.id ?? null);
    this.loading.set(false);
  }
}
