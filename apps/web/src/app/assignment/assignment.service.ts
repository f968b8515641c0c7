import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssignmentSettings,
  AssignmentSettingsInput,
  AssignmentTraineeView,
  SubmissionFileView,
} from '@aula/contracts';
import { assignmentApi, markingApi, routeUrl } from '@aula/contracts';
import { filter, firstValueFrom, map, type Observable } from 'rxjs';
import { attachmentName, saveFile } from '../shared/download';

/** Upload progress (0–100) while sending, then the file as stored. */
export type SubmissionUploadEvent = { progress: number } | { done: SubmissionFileView };

/** A trainee's work on an assignment, and its settings for administrators. Reading is `httpResource` in the screens. */
@Injectable({ providedIn: 'root' })
export class AssignmentService {
  private readonly http = inject(HttpClient);

  saveDraft(activityId: string, text: string | null): Promise<AssignmentTraineeView> {
    return firstValueFrom(this.http.put<AssignmentTraineeView>(routeUrl(assignmentApi.saveDraft, { activityId }), { text }));
  }

  /** Sends the file with its progress: on a slow link a 10 MB upload takes minutes. */
  uploadFile(activityId: string, file: File): Observable<SubmissionUploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<SubmissionFileView>(routeUrl(assignmentApi.uploadFile, { activityId }), body, {
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        filter((event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
        map((event): SubmissionUploadEvent => {
          if (event.type === HttpEventType.Response) return { done: event.body as SubmissionFileView };
          const total = event.type === HttpEventType.UploadProgress ? (event.total ?? file.size) : file.size;
          const loaded = event.type === HttpEventType.UploadProgress ? event.loaded : 0;
          return { progress: total ? Math.min(100, Math.round((loaded / total) * 100)) : 0 };
        }),
      );
  }

  removeFile(activityId: string, fileId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(assignmentApi.removeFile, { activityId, fileId })));
  }

  /** `expectedVersion`: the latest version the trainee saw, so a double click submits once. */
  submit(activityId: string, expectedVersion: number): Promise<AssignmentTraineeView> {
    return firstValueFrom(
      this.http.post<AssignmentTraineeView>(routeUrl(assignmentApi.submit, { activityId }), { expectedVersion }),
    );
  }

  /** The tutor's feedback file of a released grade (the API answers 404 before release). */
  async downloadFeedbackFile(activityId: string, enrolmentId: string, fallbackName: string): Promise<void> {
    const response = await firstValueFrom(
      this.http.get(routeUrl(markingApi.feedbackFile, { activityId, enrolmentId }), { observe: 'response', responseType: 'blob' }),
    );
    if (response.body) saveFile(response.body, attachmentName(response, fallbackName));
  }

  async downloadFile(fileId: string, fallbackName: string): Promise<void> {
    const response = await firstValueFrom(
      this.http.get(routeUrl(assignmentApi.submissionFile, { fileId }), { observe: 'response', responseType: 'blob' }),
    );
    if (response.body) saveFile(response.body, attachmentName(response, fallbackName));
  }

  settings(activityId: string): Promise<AssignmentSettings> {
    return firstValueFrom(this.http.get<AssignmentSettings>(routeUrl(assignmentApi.settings, { activityId })));
  }

  updateSettings(activityId: string, input: AssignmentSettingsInput): Promise<AssignmentSettings> {
    return firstValueFrom(
      this.http.put<AssignmentSettings>(routeUrl(assignmentApi.saveSettings, { activityId }), input),
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a trainee typed, as the rich text the API stores: paragraphs at blank lines, line breaks kept. */
export function textToHtml(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return trimmed
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Stored rich text back to the plain text the trainee edits (paragraphs → blank lines). */
export function htmlToText(html: string | null): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  const blocks = Array.from(doc.body.children);
  if (blocks.length > 0 && blocks.every((b) => /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|PRE)$/.test(b.tagName))) {
    return blocks.map((b) => (b.textContent ?? '').trim()).join('\n\n');
  }
  return (doc.body.textContent ?? '').trim();
}
