import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  DIRECTORY_LIMITS,
  NETWORK_PHOTO_MAX_BYTES,
  routeUrl,
  webPages,
  type MembershipView,
  type MyNetworkProfile,
  type NetworkProfileInput,
  type RegionView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, type Subscription } from 'rxjs';
import { applyFieldErrors, problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { NoticeService } from '../shared/notice.service';
import { RegionFieldComponent } from '../shared/region-field.component';
import { NetworkProfileService, photoProblem } from './network-profile.service';

/** ISO 639-1 languages people of the network work in; the programme's own first. */
export const PROFILE_LANGUAGES = [
  'es',
  'pt',
  'en',
  'fr',
  'qu',
  'gn',
  'ay',
  'ht',
  'de',
  'it',
  'nl',
  'ar',
  'fa',
  'tr',
  'ru',
  'uk',
  'pl',
  'ro',
  'zh',
  'ja',
  'ko',
  'vi',
  'th',
  'id',
  'ms',
  'tl',
  'km',
  'lo',
  'my',
  'hi',
  'bn',
  'ur',
  'ne',
  'si',
  'ta',
  'te',
  'sw',
  'am',
  'ha',
  'yo',
  'ig',
  'zu',
  'xh',
  'af',
  'so',
  'rw',
  'mg',
  'wo',
  'he',
  'el',
  'ca',
  'eu',
  'gl',
] as const;

/**
 * The person's public face in the network: off until they publish it, withdrawn at once when
 * they change their mind. The region is kept either way: it places them in the network.
 */
@Component({
  selector: 'aula-network-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
    RegionFieldComponent,
  ],
  templateUrl: './network-profile.component.html',
  styleUrl: './network-profile.component.scss',
})
export class NetworkProfileComponent {
  private readonly profiles = inject(NetworkProfileService);
  private readonly directory = inject(DirectoryLookupService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);

  readonly userId = input.required<string>();
  readonly memberships = input.required<readonly MembershipView[]>();
  readonly country = input<string | null>(null);

  protected readonly bioMax = DIRECTORY_LIMITS.bio;
  protected readonly topicsMax = DIRECTORY_LIMITS.topics;
  /** In MB, as the API words its limit. */
  protected readonly photoMaxMb = NETWORK_PHOTO_MAX_BYTES / 1024 / 1024;
  protected readonly loadState = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly profile = signal<MyNetworkProfile | null>(null);
  protected readonly topics = signal<string[]>([]);
  protected readonly regions = signal<RegionView[]>([]);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly photoError = signal<{ key: string; params?: Record<string, unknown> } | string | null>(
    null,
  );
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly uploadName = signal('');
  private upload: Subscription | null = null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    published: [false],
    bio: ['', [Validators.maxLength(DIRECTORY_LIMITS.bio)]],
    topics: [[] as string[]],
    languages: [[] as string[]],
    institutionId: [''],
    regionId: [''],
    showPhoto: [false],
  });

  protected readonly currentMemberships = computed(() =>
    this.memberships().filter((m) => m.current && m.institution.status !== 'archived'),
  );
  protected readonly personUrl = computed(() => routeUrl(webPages.networkPerson, { id: this.userId() }));
  protected readonly languageOptions = computed(() => {
    const tag = this.language.tag();
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'language' });
    } catch {
      names = null;
    }
    return PROFILE_LANGUAGES.map((code) => ({ code, name: names?.of(code) ?? code }));
  });
  /** The shared list, with the person's own topics kept even when the list no longer has them. */
  protected readonly topicOptions = computed(() => {
    const own = this.profile()?.topics ?? [];
    return [...new Set([...this.topics(), ...own])].sort((a, b) => a.localeCompare(b, this.language.tag()));
  });

  constructor() {
    void this.load();
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected async load(): Promise<void> {
    this.loadState.set('loading');
    try {
      const [profile, topics, regions] = await Promise.all([
        this.profiles.get(),
        this.directory.topics().catch(() => [] as string[]),
        this.directory.regions(this.language.active()).catch(() => [] as RegionView[]),
      ]);
      this.topics.set(topics);
      this.regions.set(regions);
      this.show(profile);
      this.loadState.set('ready');
    } catch {
      this.loadState.set('failed');
    }
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const input: NetworkProfileInput = {
      published: value.published,
      bio: value.bio.trim() || null,
      topics: value.topics,
      languages: value.languages,
      institutionId: value.institutionId || null,
      regionId: value.regionId || null,
      showPhoto: value.showPhoto,
    };
    this.busy.set(true);
    try {
      const saved = await this.profiles.save(input);
      this.show(saved);
      this.notices.show(
        this.transloco.translate(saved.published ? 'networkProfile.savedPublished' : 'networkProfile.saved'),
      );
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async withdraw(): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'networkProfile.withdrawDialog.title',
      messageKey: 'networkProfile.withdrawDialog.message',
      confirmKey: 'networkProfile.withdraw',
      name: '',
      destructive: true,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.busy.set(true);
    this.failureKey.set(null);
    try {
      this.show(await this.profiles.withdraw());
      this.notices.show(this.transloco.translate('networkProfile.withdrawn'));
    } catch (error) {
      this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
    } finally {
      this.busy.set(false);
    }
  }

  protected photoPicked(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    field.value = '';
    if (!file) return;
    this.photoError.set(null);
    const problem = photoProblem(file);
    if (problem) {
      this.photoError.set({
        key: `networkProfile.${problem}`,
        params: { name: file.name, max: this.photoMaxMb },
      });
      return;
    }
    this.uploadName.set(file.name);
    this.uploadProgress.set(0);
    this.upload?.unsubscribe();
    this.upload = this.profiles.uploadPhoto(file).subscribe({
      next: (event) => {
        if ('progress' in event) {
          this.uploadProgress.set(event.progress);
          return;
        }
        this.uploadProgress.set(null);
        this.profile.update((profile) =>
          profile ? { ...profile, hasPhoto: event.done.hasPhoto } : event.done,
        );
        this.notices.show(this.transloco.translate('networkProfile.photoUploaded'));
      },
      error: (error: unknown) => {
        this.uploadProgress.set(null);
        this.photoError.set(this.photoFailure(error, file.name));
      },
    });
  }

  protected cancelUpload(): void {
    this.upload?.unsubscribe();
    this.upload = null;
    this.uploadProgress.set(null);
  }

  protected photoErrorText(t: (key: string, params?: Record<string, unknown>) => string): string {
    const error = this.photoError();
    if (!error) return '';
    return typeof error === 'string' ? error : t(error.key, error.params);
  }

  private photoFailure(
    error: unknown,
    name: string,
  ): { key: string; params?: Record<string, unknown> } | string {
    const status = statusOf(error);
    const max = this.photoMaxMb;
    if (status === 413) return { key: 'networkProfile.photoTooLarge', params: { name, max } };
    if (status === 415) return { key: 'networkProfile.photoType', params: { name } };
    if (status === 400) {
      const message = problemOf(error)?.errors?.[0]?.message;
      if (message && speaksReadersLanguage(error, this.language.active())) return message;
      return { key: 'networkProfile.photoRefused', params: { name } };
    }
    return { key: status === 0 ? 'errors.offline' : 'errors.unexpected' };
  }

  private failed(error: unknown): void {
    if (statusOf(error) === 400) {
      const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
      this.otherMessages.set(messages);
      if (unclaimed > messages.length || !problemOf(error)?.errors?.length)
        this.failureKey.set('errors.invalidInput');
    } else {
      this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
    }
  }

  private show(profile: MyNetworkProfile): void {
    this.profile.set(profile);
    this.form.reset({
      published: profile.published,
      bio: profile.bio ?? '',
      topics: [...profile.topics],
      languages: [...profile.languages],
      institutionId: profile.institutionId ?? '',
      regionId: profile.regionId ?? '',
      showPhoto: profile.showPhoto,
    });
  }
}
