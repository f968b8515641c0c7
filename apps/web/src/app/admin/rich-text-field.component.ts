import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { startWith, switchMap } from 'rxjs';
import { FieldErrorComponent } from '../shared/field-error.component';
import { toRichText } from './translations';

/**
 * Long text for pages and descriptions: plain text (blank lines make paragraphs) or HTML, with a
 * preview as learners will see it. The preview goes through Angular's sanitising `[innerHTML]`;
 * the API sanitises again on save.
 */
@Component({
  selector: 'aula-rich-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  template: `
    <ng-container *transloco="let t">
      <mat-form-field class="full-width">
        <mat-label>{{ label() }}</mat-label>
        <textarea
          matInput
          [formControl]="control()"
          [attr.lang]="lang()"
          dir="auto"
          [rows]="rows()"
        ></textarea>
        <mat-hint>{{ t('admin.richText.hint') }}</mat-hint>
        <mat-error><aula-field-error [control]="control()" /></mat-error>
      </mat-form-field>
      <button mat-button type="button" [attr.aria-pressed]="preview()" (click)="preview.set(!preview())">
        {{ t(preview() ? 'admin.richText.hidePreview' : 'admin.richText.preview') }}
      </button>
      @if (preview()) {
        <div
          class="preview"
          role="region"
          [attr.aria-label]="t('admin.richText.previewOf', { field: label() })"
          [attr.lang]="lang()"
          dir="auto"
          [innerHTML]="html()"
        ></div>
      }
    </ng-container>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    textarea {
      font: var(--mat-sys-body-medium);
      line-height: 1.5;
    }
    .preview {
      margin-block-start: 8px;
      padding: 12px 16px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class RichTextFieldComponent {
  readonly control = input.required<FormControl<string>>();
  /** Already translated, with the language in it. */
  readonly label = input.required<string>();
  /** BCP 47 tag of the text's language. */
  readonly lang = input<string | null>(null);
  readonly rows = input(8);

  protected readonly preview = signal(false);
  private readonly value = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
    ),
    { initialValue: '' },
  );
  protected readonly html = computed(() => toRichText(this.value() ?? ''));
}
