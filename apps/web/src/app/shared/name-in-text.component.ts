import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';

const SLOT = '\uE000';

/**
 * A translated sentence with a person's name in it ("Buenos días, {{name}}"). The name is
 * isolated in `<bdi dir="auto">`, so "محمد" keeps its direction and does not reorder the
 * sentence around it, while translators still place the name where their grammar wants it.
 */
@Component({
  selector: 'aula-name-in-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (part of parts(); track $index) {
    <ng-container>{{ part }}</ng-container>
    @if (!$last) {
      <bdi dir="auto" class="person-name">{{ name() }}</bdi>
    }
  }`,
})
export class NameInTextComponent {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly key = input.required<string>();
  readonly name = input.required<string>();

  protected readonly parts = computed(() => {
    this.language.active();
    return this.transloco.translate(this.key(), { name: SLOT }).split(SLOT);
  });
}
