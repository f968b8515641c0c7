import { ChangeDetectionStrategy, Component, ElementRef, inject, input, model } from '@angular/core';
import type { Locale } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';

let nextId = 0;

/**
 * Tabs for the languages of translatable text (WAI-ARIA tabs: arrow keys move between them,
 * Home/End jump). Marks the default language, the languages with text and those with errors.
 * The fields of the active language are projected into the panel.
 */
@Component({
  selector: 'aula-language-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="tabs" role="tablist" [attr.aria-label]="t('admin.languages.tabs')">
        @for (locale of locales; track locale; let i = $index) {
          <button
            type="button"
            role="tab"
            class="tab"
            [id]="id + '-tab-' + locale"
            [attr.aria-selected]="locale === active()"
            [attr.aria-controls]="id + '-panel'"
            [tabIndex]="locale === active() ? 0 : -1"
            [class.invalid]="invalid().includes(locale)"
            (click)="active.set(locale)"
            (keydown)="moved($event, i)"
          >
            <span [attr.lang]="tags[locale]">{{ t('languageNames.' + locale) }}</span>
            @if (locale === defaultLocale()) {
              <span class="tag">{{ t('admin.languages.default') }}</span>
            }
            @if (invalid().includes(locale)) {
              <span class="mark error" aria-hidden="true">!</span>
              <span class="cdk-visually-hidden">{{ t('admin.languages.hasErrors') }}</span>
            } @else if (filled().includes(locale)) {
              <span class="mark" aria-hidden="true">✓</span>
              <span class="cdk-visually-hidden">{{ t('admin.languages.hasText') }}</span>
            }
          </button>
        }
      </div>
      <div
        class="panel"
        role="tabpanel"
        [id]="id + '-panel'"
        [attr.aria-labelledby]="id + '-tab-' + active()"
      >
        <ng-content />
      </div>
    </ng-container>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .tab {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-block-size: 44px;
      padding: 0 16px;
      border: 0;
      border-block-end: 3px solid transparent;
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      cursor: pointer;
    }
    .tab:hover {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 6%, transparent);
    }
    .tab[aria-selected='true'] {
      color: var(--mat-sys-primary);
      border-block-end-color: var(--mat-sys-primary);
    }
    .tab.invalid {
      color: var(--mat-sys-error);
    }
    .tag {
      padding: 0 6px;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .mark {
      font: var(--mat-sys-label-large);
    }
    .mark.error {
      color: var(--mat-sys-error);
    }
    .panel {
      padding-block-start: 16px;
    }
  `,
})
export class LanguageTabsComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly active = model.required<Locale>();
  readonly defaultLocale = input.required<Locale>();
  /** Languages that have some text. */
  readonly filled = input<readonly Locale[]>([]);
  /** Languages whose fields have errors. */
  readonly invalid = input<readonly Locale[]>([]);

  protected readonly id = `aula-language-tabs-${nextId++}`;
  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;

  protected moved(event: KeyboardEvent, index: number): void {
    const last = this.locales.length - 1;
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const locale = this.locales[target];
    if (!locale) return;
    this.active.set(locale);
    this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-tab-${locale}`)?.focus();
  }
}
