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
  template: `{{ parts()[0] }}<bdi dir="auto" class="person-name">{{ name() }}</bdi>{{ parts()[1] }}`,
})
export class NameInTextComponent {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly key = input.required<string>();
  readonly name = input.required<string>();

  protected readonly parts = computed(() => {
    this.language.active();
    const text = this.transloco.translate(this.key(), { name: SLOT });
    const [before = '', after = ''] = text.split(SLOT);
    return [before, after] as const;
  });
}
