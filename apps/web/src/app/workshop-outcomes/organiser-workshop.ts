import { httpResource } from '@angular/common/http';
import { computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { LOCALES, routeUrl, webPages, workshopsApi, type Locale, type Translations, type WorkshopView } from '@aula/contracts';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';

/** Text in the reader's language, else the workshop's default, else any. */
export function inLanguage(text: Translations | undefined, wanted: Locale, fallback: Locale): string {
  for (const l of [wanted, fallback, ...LOCALES]) {
    const value = text?.[l]?.trim();
    if (value) return value;
  }
  return '';
}

/** For an organiser screen at `/organiser/workshops/:id/...`: the workshop (its title, sessions, regions). Call in an injection context. */
export function organiserWorkshop() {
  const params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  const language = inject(LanguageService);
  const id = computed(() => params().get('id') ?? '');
  const workshop = httpResource<WorkshopView>(() => routeUrl(workshopsApi.organiserWorkshop, { id: id() }));
  const view = computed(() => (workshop.hasValue() ? workshop.value() : null));
  return {
    id,
    workshop,
    view,
    notFound: computed(() => statusOf(workshop.error()) === 404),
    title: computed(() => {
      const w = view();
      return w ? inLanguage(w.title, language.active(), w.defaultLocale) : '';
    }),
    backLink: computed(() => routeUrl(webPages.organiserWorkshop, { id: id() })),
  };
}
