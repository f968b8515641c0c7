import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages, workshopsApi, type WorkshopView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { IconComponent } from '../shared/icon.component';
import { AttendanceService } from './attendance.service';
import { CheckInQueue, checkedIn, type ScanResult } from './check-in-queue';
import { currentSession, sessionTitle } from './session-label';

/** The browser's own QR reader, where it has one (Chrome on Android, among others). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const RETRY_MS = 15_000;

/**
 * `/organiser/workshops/:id/check-in`: the organiser's check-in screen, made for a phone at the
 * door. Pick the session, scan participants' QR codes with the camera (the browser's own reader,
 * where it has one) or type their codes. Every scan is kept in the browser first and sent when the
 * connection allows, each recorded once; the screen shows how many wait and the last results.
 */
@Component({
  selector: 'aula-check-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    IconComponent,
  ],
  templateUrl: './check-in.component.html',
  styleUrl: './check-in.component.scss',
})
export default class CheckInComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(AttendanceService);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);
  private readonly destroyRef = inject(DestroyRef);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly workshopId = computed(() => this.params().get('id') ?? '');
  protected readonly workshop = httpResource<WorkshopView>(() => routeUrl(workshopsApi.organiserWorkshop, { id: this.workshopId() }));
  protected readonly view = computed(() => (this.workshop.hasValue() ? this.workshop.value() : null));
  protected readonly notFound = computed(() => statusOf(this.workshop.error()) === 404);
  protected readonly sessions = computed(() => this.view()?.sessions ?? []);

  protected readonly sessionControl = new FormControl<string>('', { nonNullable: true, validators: [Validators.required] });
  protected readonly codeControl = new FormControl<string>('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] });
  protected readonly codeForm = new FormGroup({ code: this.codeControl });
  private readonly codeFormDirective = viewChild(FormGroupDirective);
  private readonly sessionId = toSignal(this.sessionControl.valueChanges, { initialValue: '' });

  private queue: CheckInQueue | null = null;
  protected readonly pending = signal(0);
  protected readonly results = signal<ScanResult[]>([]);
  protected readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  protected readonly sending = signal(false);
  protected readonly sendFailed = signal(false);

  protected readonly cameraSupported = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices;
  protected readonly cameraOn = signal(false);
  protected readonly cameraError = signal(false);
  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');
  private stream: MediaStream | null = null;
  private scanTimer: ReturnType<typeof setInterval> | null = null;
  private lastRead = { value: '', at: 0 };

  protected readonly rollLink = computed(() =>
    this.sessionId() ? routeUrl(webPages.organiserRollList, { id: this.workshopId(), sessionId: this.sessionId() }) : null,
  );
  protected readonly sheetLink = computed(() => routeUrl(webPages.organiserAttendance, { id: this.workshopId() }));

  constructor() {
    effect(() => {
      const id = this.workshopId();
      if (!id) return;
      this.queue = new CheckInQueue(localStorage, id);
      this.refresh();
      void this.flush();
    });
    effect(() => {
      // Opens on the session running now (or the next one).
      const sessions = this.sessions();
      if (!this.sessionControl.value && sessions.length) this.sessionControl.setValue(currentSession(sessions)?.id ?? '');
    });
    const onOnline = () => {
      this.online.set(true);
      void this.flush();
    };
    const onOffline = () => this.online.set(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const retry = setInterval(() => {
      if (this.pending() > 0) void this.flush();
    }, RETRY_MS);
    this.destroyRef.onDestroy(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      clearInterval(retry);
      this.stopCamera();
    });
  }

  protected title(title: WorkshopView['title']): string {
    return sessionTitle(title, this.language.active());
  }

  protected sessionLabel(s: WorkshopView['sessions'][number]): string {
    return `${this.title(s.title)} · ${this.dateTime.format(s.startsAt, 'dateTime')}`;
  }

  protected sessionName(sessionId: string): string {
    const s = this.sessions().find((x) => x.id === sessionId);
    return s ? this.title(s.title) : '';
  }

  protected when(at: string): string {
    return this.dateTime.format(at, 'time');
  }

  protected ok(result: ScanResult): boolean {
    return checkedIn(result.outcome);
  }

  private refresh(): void {
    this.pending.set(this.queue?.pending().length ?? 0);
    this.results.set(this.queue?.results() ?? []);
  }

  /** Typed code: kept, then sent. */
  protected submitCode(): void {
    this.codeControl.markAsTouched();
    this.sessionControl.markAsTouched();
    if (this.codeControl.invalid || this.sessionControl.invalid) return;
    this.enqueue(this.codeControl.value, 'typed');
    // Ready for the next person: empty, and no "type the code" error for the empty field.
    this.codeFormDirective()?.resetForm({ code: '' });
  }

  private enqueue(code: string, method: 'scan' | 'typed'): void {
    if (!this.queue || !this.sessionControl.value || !code.trim()) return;
    this.queue.add({ sessionId: this.sessionControl.value, code, method });
    this.refresh();
    void this.flush();
  }

  /** Sends what waits; a failure to reach the API keeps it for the next try (online again, or in 15 s). */
  protected async flush(): Promise<void> {
    const queue = this.queue;
    if (!queue || !queue.pending().length) return;
    this.sending.set(true);
    try {
      await queue.flush((items) => this.api.checkInBatch(this.workshopId(), items));
      this.sendFailed.set(false);
    } catch {
      this.sendFailed.set(true);
    } finally {
      this.sending.set(false);
      this.refresh();
    }
  }

  protected async startCamera(): Promise<void> {
    this.cameraError.set(false);
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      this.cameraOn.set(true);
      // The video element appears with cameraOn.
      await Promise.resolve();
      const video = this.video()?.nativeElement;
      if (!video) return;
      video.srcObject = this.stream;
      await video.play();
      const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
      const detector = new Detector({ formats: ['qr_code'] });
      this.scanTimer = setInterval(() => void this.read(detector, video), 250);
    } catch {
      this.cameraError.set(true);
      this.stopCamera();
    }
  }

  private async read(detector: BarcodeDetectorLike, video: HTMLVideoElement): Promise<void> {
    if (video.readyState < 2) return;
    const [found] = await detector.detect(video).catch(() => []);
    if (!found?.rawValue) return;
    const now = Date.now();
    // The camera sees the same code many times a second: once per 3 s is one scan.
    if (found.rawValue === this.lastRead.value && now - this.lastRead.at < 3000) return;
    this.lastRead = { value: found.rawValue, at: now };
    navigator.vibrate?.(80);
    this.enqueue(found.rawValue, 'scan');
  }

  protected stopCamera(): void {
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = null;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.cameraOn.set(false);
  }
}
