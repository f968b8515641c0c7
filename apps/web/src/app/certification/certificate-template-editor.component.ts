import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  catalogApi,
  CERTIFICATE_ORIENTATIONS,
  CERTIFICATE_PLACEHOLDERS,
  CERTIFICATE_TEMPLATE_LIMITS,
  certificationApi,
  type CertificateTemplate,
  type CertificateTemplateScope,
  type CertificateTemplateView,
  type CourseAdminView,
  type Locale,
  type ProgrammeView,
  routeUrl,
  type Translations,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { catchError, debounceTime, filter, map, of, switchMap, tap } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { displayText } from '../admin/translations';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { CertificateTemplatesService } from './certificate-templates.service';

type ImageSlot = 'backgroundImageKey' | 'logoImageKey';
type TextField = 'title' | 'intro' | 'body';

/** How long typing must pause before the sample is drawn again. */
const PREVIEW_DEBOUNCE_MS = 600;

/**
 * `/admin/courses/:id/certificate` and `/admin/programmes/:id/certificate` (administrators): the
 * certificate template of a course (else its programme's is used) or of a programme (else the
 * built-in one): orientation, text per language with placeholders, signatories, images, and a
 * sample PDF drawn again a moment after each change.
 */
@Component({
  selector: 'aula-certificate-template-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    LanguageTabsComponent,
    IconComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './certificate-template-editor.component.html',
  styleUrl: './certificate-template-editor.component.scss',
})
export default class CertificateTemplateEditorComponent {
  private readonly templates = inject(CertificateTemplatesService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });

  protected readonly scope: CertificateTemplateScope =
    this.route.snapshot.data['scope'] === 'programmes' ? 'programmes' : 'courses';
  protected readonly ownerId = computed(() => this.params().get('id') ?? '');

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly orientations = CERTIFICATE_ORIENTATIONS;
  protected readonly placeholders = CERTIFICATE_PLACEHOLDERS.map((p) => `{${p}}`);
  protected readonly limits = CERTIFICATE_TEMPLATE_LIMITS;

  protected readonly course = httpResource<CourseAdminView>(() =>
    this.scope === 'courses' ? routeUrl(catalogApi.course, { id: this.ownerId() }) : undefined,
  );
  protected readonly programme = httpResource<ProgrammeView>(() =>
    this.scope === 'programmes' ? routeUrl(catalogApi.programme, { id: this.ownerId() }) : undefined,
  );
  protected readonly saved = httpResource<CertificateTemplateView>(() =>
    routeUrl(certificationApi.template, { scope: this.scope, id: this.ownerId() }),
  );
  protected readonly view = computed(() => (this.saved.hasValue() ? this.saved.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.saved.error())));

  /** The course's or programme's name, in the reader's language. */
  protected readonly ownerTitle = computed(() => {
    const owner = this.scope === 'courses' ? this.course.value() : this.programme.value();
    return owner ? displayText(owner.title, this.language.active(), owner.defaultLocale) : '';
  });
  protected readonly programmeId = computed(() => (this.course.hasValue() ? this.course.value().programmeId : null));

  /** The template as edited; null until the saved one has loaded. */
  protected readonly draft = signal<CertificateTemplate | null>(null);
  protected readonly textLocale = signal<Locale>(this.language.active());
  protected readonly previewLocale = signal<Locale>(this.language.active());
  protected readonly saving = signal(false);
  protected readonly uploading = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly filledLocales = computed(() => {
    const d = this.draft();
    return d ? APP_LOCALES.filter((l) => d.title[l]?.trim() || d.body[l]?.trim()) : [];
  });
  protected readonly invalidLocales = computed(() => {
    const d = this.draft();
    return d && !(d.title[d.defaultLocale]?.trim() && d.body[d.defaultLocale]?.trim()) ? [d.defaultLocale] : [];
  });

  // ---- the live preview ----
  protected readonly previewUrl = signal<SafeResourceUrl | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewFailed = signal(false);
  /** Counts the samples drawn (for people and tests: the frame shows the newest). */
  protected readonly previewCount = signal(0);
  private objectUrl: string | null = null;

  constructor() {
    effect(() => {
      const view = this.view();
      if (view) this.draft.set(structuredClone(view.template));
    });

    const destroyRef = inject(DestroyRef);
    const request = computed(() => {
      const template = this.draft();
      return template && this.ownerId() ? { template, locale: this.previewLocale(), owner: this.ownerId() } : null;
    });
    toObservable(request)
      .pipe(
        filter((r) => r !== null),
        debounceTime(PREVIEW_DEBOUNCE_MS),
        tap(() => this.previewing.set(true)),
        // A newer change cancels the sample still being drawn.
        switchMap((r) =>
          this.templates.preview(this.scope, r.owner, r.template, r.locale).pipe(
            map((pdf): Blob | null => pdf),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((pdf) => {
        this.previewing.set(false);
        this.previewFailed.set(pdf === null);
        if (!pdf) return;
        if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
        this.objectUrl = URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' }));
        this.previewUrl.set(this.sanitizer.bypassSecurityTrustResourceUrl(this.objectUrl));
        this.previewCount.update((n) => n + 1);
      });
    destroyRef.onDestroy(() => {
      if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
  }

  private update(change: (draft: CertificateTemplate) => CertificateTemplate): void {
    this.draft.update((d) => (d ? change(d) : d));
  }

  protected setOrientation(orientation: string): void {
    if ((CERTIFICATE_ORIENTATIONS as readonly string[]).includes(orientation))
      this.update((d) => ({ ...d, orientation: orientation as CertificateTemplate['orientation'] }));
  }

  protected setDefaultLocale(locale: string): void {
    if ((APP_LOCALES as readonly string[]).includes(locale)) this.update((d) => ({ ...d, defaultLocale: locale as Locale }));
  }

  protected setText(field: TextField, text: string): void {
    const locale = this.textLocale();
    this.update((d) => ({ ...d, [field]: withText(d[field], locale, text) }));
  }

  protected addSignatory(): void {
    this.update((d) =>
      d.signatories.length >= CERTIFICATE_TEMPLATE_LIMITS.signatories
        ? d
        : { ...d, signatories: [...d.signatories, { name: '', title: {}, signatureImageKey: null }] },
    );
  }

  protected removeSignatory(index: number): void {
    const key = this.draft()?.signatories[index]?.signatureImageKey;
    this.update((d) => ({ ...d, signatories: d.signatories.filter((_, i) => i !== index) }));
    this.discard(key);
  }

  protected setSignatoryName(index: number, name: string): void {
    this.update((d) => ({
      ...d,
      signatories: d.signatories.map((s, i) => (i === index ? { ...s, name } : s)),
    }));
  }

  protected setSignatoryTitle(index: number, text: string): void {
    const locale = this.textLocale();
    this.update((d) => ({
      ...d,
      signatories: d.signatories.map((s, i) => (i === index ? { ...s, title: withText(s.title, locale, text) } : s)),
    }));
  }

  /** Uploads the chosen file and puts it in the slot (background, logo, or a signatory's signature). */
  protected async upload(slot: ImageSlot | number, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const label = typeof slot === 'number' ? `signature-${slot}` : slot;
    this.uploading.set(label);
    this.error.set(null);
    try {
      const image = await this.templates.uploadImage(this.scope, this.ownerId(), file);
      const previous = this.imageKey(slot);
      this.setImage(slot, image.key);
      this.discard(previous);
    } catch (error) {
      this.error.set(
        statusOf(error) === 413 || problemOf(error)?.errors?.[0]?.path === 'file'
          ? this.transloco.translate('certificates.templates.imageRefused', {
              mb: CERTIFICATE_TEMPLATE_LIMITS.imageBytes / 1024 / 1024,
            })
          : this.failure(error),
      );
    } finally {
      this.uploading.set(null);
    }
  }

  protected removeImage(slot: ImageSlot | number): void {
    const previous = this.imageKey(slot);
    this.setImage(slot, null);
    this.discard(previous);
  }

  protected imageKey(slot: ImageSlot | number): string | null {
    const d = this.draft();
    if (!d) return null;
    return (typeof slot === 'number' ? d.signatories[slot]?.signatureImageKey : d[slot]) ?? null;
  }

  private setImage(slot: ImageSlot | number, key: string | null): void {
    this.update((d) =>
      typeof slot === 'number'
        ? { ...d, signatories: d.signatories.map((s, i) => (i === slot ? { ...s, signatureImageKey: key } : s)) }
        : { ...d, [slot]: key },
    );
  }

  /** An upload that the saved template does not use is removed as soon as it is replaced. */
  private discard(key: string | null | undefined): void {
    if (!key) return;
    const saved = this.view()?.template;
    const used = saved
      ? [saved.backgroundImageKey, saved.logoImageKey, ...saved.signatories.map((s) => s.signatureImageKey)]
      : [];
    if (!used.includes(key) && key.includes(`/${this.scope}/${this.ownerId()}/`)) {
      void this.templates.removeImage(this.scope, this.ownerId(), key).catch(() => undefined);
    }
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const view = await this.templates.save(this.scope, this.ownerId(), draft);
      this.saved.set(view);
      this.notices.show(this.transloco.translate('certificates.templates.saved'));
    } catch (error) {
      this.error.set(this.failure(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** Back to the programme's template (courses) or the built-in one (programmes). */
  protected async reset(): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const view = await this.templates.reset(this.scope, this.ownerId());
      this.saved.set(view);
      this.notices.show(
        this.transloco.translate(
          this.scope === 'courses' ? 'certificates.templates.resetDone' : 'certificates.templates.resetDoneProgramme',
        ),
      );
    } catch (error) {
      this.error.set(this.failure(error));
    } finally {
      this.saving.set(false);
    }
  }

  private failure(error: unknown): string {
    if (statusOf(error) === 0) return this.transloco.translate('errors.offline');
    const path = problemOf(error)?.errors?.[0]?.path;
    return path
      ? this.transloco.translate('certificates.templates.checkField', { field: this.fieldName(path) })
      : this.transloco.translate('errors.unexpected');
  }

  /** "title.es" → "Title (Spanish)"; "signatories.1.name" → "Signatory 2: Name". */
  private fieldName(path: string): string {
    const tr = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const [field, second, third] = path.split('.');
    const languageName = (l: string | undefined) =>
      l && (APP_LOCALES as readonly string[]).includes(l) ? tr(`languageNames.${l}`) : '';
    const signatoryField: Record<string, string> = {
      name: 'certificates.templates.fields.signatoryName',
      title: 'certificates.templates.fields.signatoryTitle',
      signatureImageKey: 'certificates.templates.fields.signature',
    };
    const plain: Record<string, string> = {
      backgroundImageKey: 'certificates.templates.fields.background',
      logoImageKey: 'certificates.templates.fields.logo',
      orientation: 'certificates.templates.fields.orientation',
      defaultLocale: 'certificates.templates.fields.defaultLocale',
    };
    const text: Record<string, string> = {
      title: 'certificates.templates.fields.title',
      intro: 'certificates.templates.fields.intro',
      body: 'certificates.templates.fields.body',
    };
    if (field && text[field]) return `${tr(text[field])} (${languageName(second)})`;
    if (field === 'signatories') {
      if (second === undefined) return tr('certificates.templates.signatories');
      const which = tr('certificates.templates.signatory', { n: Number(second) + 1 });
      return third && signatoryField[third] ? `${which}: ${tr(signatoryField[third])}` : which;
    }
    return field && plain[field] ? tr(plain[field]) : path;
  }

  protected textOf(text: Translations): string {
    return text[this.textLocale()] ?? '';
  }
}

function withText(text: Translations, locale: Locale, value: string): Translations {
  const next = { ...text };
  if (value.trim()) next[locale] = value;
  else delete next[locale];
  return next;
}
