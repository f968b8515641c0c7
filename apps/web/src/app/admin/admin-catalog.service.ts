import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActivityAdminView,
  ActivityInput,
  ActivityUpdate,
  CourseAdminView,
  CourseInput,
  CourseStatus,
  CourseUpdate,
  ModuleAdminView,
  ModuleInput,
  ModuleUpdate,
  Page,
  ProgrammeInput,
  ProgrammeView,
} from '@aula/contracts';
import { Observable, filter, firstValueFrom, map } from 'rxjs';

const id = (value: string) => encodeURIComponent(value);

/** Upload progress (0–100) while sending, then the activity as saved. */
export type UploadEvent = { progress: number } | { done: ActivityAdminView };

/** Authoring of programmes, courses, modules and activities. Lists are `httpResource`s in the screens. */
@Injectable({ providedIn: 'root' })
export class AdminCatalogService {
  private readonly http = inject(HttpClient);

  programmes(): Promise<Page<ProgrammeView>> {
    return firstValueFrom(
      this.http.get<Page<ProgrammeView>>('/api/admin/programmes', { params: { limit: 100 } }),
    );
  }

  createProgramme(body: ProgrammeInput): Promise<ProgrammeView> {
    return firstValueFrom(this.http.post<ProgrammeView>('/api/admin/programmes', body));
  }

  createCourse(body: CourseInput): Promise<CourseAdminView> {
    return firstValueFrom(this.http.post<CourseAdminView>('/api/admin/courses', body));
  }

  updateCourse(courseId: string, body: CourseUpdate): Promise<CourseAdminView> {
    return firstValueFrom(this.http.patch<CourseAdminView>(`/api/admin/courses/${id(courseId)}`, body));
  }

  setStatus(courseId: string, status: CourseStatus): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.post<CourseAdminView>(`/api/admin/courses/${id(courseId)}/status`, { status }),
    );
  }

  duplicate(courseId: string, slug: string): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.post<CourseAdminView>(`/api/admin/courses/${id(courseId)}/duplicate`, { slug }),
    );
  }

  addModule(courseId: string, body: ModuleInput): Promise<ModuleAdminView> {
    return firstValueFrom(
      this.http.post<ModuleAdminView>(`/api/admin/courses/${id(courseId)}/modules`, body),
    );
  }

  updateModule(moduleId: string, body: ModuleUpdate): Promise<ModuleAdminView> {
    return firstValueFrom(this.http.patch<ModuleAdminView>(`/api/admin/modules/${id(moduleId)}`, body));
  }

  deleteModule(moduleId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/admin/modules/${id(moduleId)}`));
  }

  reorderModules(courseId: string, ids: string[]): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.put<CourseAdminView>(`/api/admin/courses/${id(courseId)}/modules/order`, { ids }),
    );
  }

  addActivity(moduleId: string, body: ActivityInput): Promise<ActivityAdminView> {
    return firstValueFrom(
      this.http.post<ActivityAdminView>(`/api/admin/modules/${id(moduleId)}/activities`, body),
    );
  }

  updateActivity(activityId: string, body: ActivityUpdate): Promise<ActivityAdminView> {
    return firstValueFrom(
      this.http.patch<ActivityAdminView>(`/api/admin/activities/${id(activityId)}`, body),
    );
  }

  deleteActivity(activityId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/admin/activities/${id(activityId)}`));
  }

  reorderActivities(moduleId: string, ids: string[]): Promise<ModuleAdminView> {
    return firstValueFrom(
      this.http.put<ModuleAdminView>(`/api/admin/modules/${id(moduleId)}/activities/order`, { ids }),
    );
  }

  /** Sends the file with its progress: on a slow link a 20 MB upload takes minutes. */
  uploadFile(activityId: string, file: File): Observable<UploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .put<ActivityAdminView>(`/api/admin/activities/${id(activityId)}/file`, body, {
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        filter(
          (event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response,
        ),
        map((event): UploadEvent => {
          if (event.type === HttpEventType.Response) return { done: event.body as ActivityAdminView };
          const total = event.type === HttpEventType.UploadProgress ? (event.total ?? file.size) : file.size;
          const loaded = event.type === HttpEventType.UploadProgress ? event.loaded : 0;
          return { progress: total ? Math.min(100, Math.round((loaded / total) * 100)) : 0 };
        }),
      );
  }
}
