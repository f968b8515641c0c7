import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { routeUrl, workshopsApi, type WorkshopMaterialView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { attachmentName, saveFile } from '../shared/download';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { FileSizePipe } from '../shared/file-size.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';

/**
 * `<aula-workshop-materials [workshopSlug]>`: a workshop's files and links for its confirmed
 * participants and organisers, with title, kind and language. Shows nothing for anyone else (the
 * API answers 404), so the workshop page can include it for every reader.
 */
@Component({
  selector: 'aula-workshop-materials',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective, EmptyStateComponent, FileSizePipe, IconComponent],
  template: `
    <ng-container *transloco="let t">
      @if (!hidden()) {
        <section class="materials" aria-labelledby="workshop-materials-title">
          <h2 id="workshop-materials-title">{{ t('workshopOutcomes.materials.title') }}</h2>
          @if (materials.isLoading()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('workshopOutcomes.common.loading')" />
          } @else if (materials.error()) {
            <p role="alert">{{ t('workshopOutcomes.common.loadFailed') }}</p>
            <button mat-stroked-button type="button" (click)="materials.reload()">{{ t('workshopOutcomes.common.retry') }}</button>
          } @else if (items().length === 0) {
            <aula-empty-state icon="file" [title]="t('workshopOutcomes.materials.emptyTitle')" [text]="t('workshopOutcomes.materials.emptyText')" />
          } @else {
            <ul class="list">
              @for (m of items(); track m.id) {
                <li>
                  <aula-icon [name]="m.kind === 'file' ? 'file' : 'link'" />
                  <div class="text">
                    @if (m.kind === 'link' && m.url) {
                      <a [href]="m.url" target="_blank" rel="noopener noreferrer" dir="auto">{{ m.title }}</a>
                    } @else {
                      <button mat-button type="button" class="file" (click)="download(m)" [disabled]="downloading() === m.id" dir="auto">
                        {{ m.title }}
                      </button>
                    }
                    <span class="meta">
                      {{ t('workshopOutcomes.materials.kinds.' + m.kind) }} · {{ t('workshopOutcomes.languages.' + m.language) }}
                      @if (m.size) {
                        · {{ m.size | fileSize }}
                      }
                    </span>
                  </div>
                </li>
              }
            </ul>
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .text {
      display: flex;
      flex-direction: column;
    }
    .file {
      padding-inline: 0;
      justify-content: flex-start;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class WorkshopMaterialsComponent {
  readonly workshopSlug = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly materials = httpResource<WorkshopMaterialView[]>(() => routeUrl(workshopsApi.materials, { slug: this.workshopSlug() }));
  protected readonly items = computed(() => (this.materials.hasValue() ? this.materials.value() : []));
  /** Not a participant (or signed out): the section is not shown at all. */
  protected readonly hidden = computed(() => [401, 404].includes(statusOf(this.materials.error())));
  protected readonly downloading = signal<string | null>(null);

  protected async download(m: WorkshopMaterialView): Promise<void> {
    this.downloading.set(m.id);
    try {
      const response = await firstValueFrom(
        this.http.get(routeUrl(workshopsApi.materialFile, { slug: this.workshopSlug(), materialId: m.id }), { observe: 'response', responseType: 'blob' }),
      );
      if (response.body) saveFile(response.body, attachmentName(response, m.fileName ?? m.title));
    } catch {
      this.notices.show(this.transloco.translate('workshopOutcomes.materials.downloadFailed'), 'error');
    } finally {
      this.downloading.set(null);
    }
  }
}
