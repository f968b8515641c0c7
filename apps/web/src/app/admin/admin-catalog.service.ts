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
import { catalogApi, routeUrl } from '@aula/contracts';
import { Observable, filter, firstValueFrom, map } from 'rxjs';

/** Upload progress (0–100) while sending, then the activity as saved. */
export type UploadEvent = { progress: number } | { done: ActivityAdminView };

/** Authoring of programmes, courses, modules and activities. Lists are `httpResource`s in the screens. */
@Injectable({ providedIn: 'root' })
export class AdminCatalogService {
  private readonly http = inject(HttpClient);

  programmes(): Promise<Page<ProgrammeView>> {
    return firstValueFrom(
      this.http.get<Page<ProgrammeView>>(catalogApi.programmes.path, { params: { limit: 100 } }),
    );
  }

  createProgramme(body: ProgrammeInput): Promise<ProgrammeView> {
    return firstValueFrom(this.http.post<ProgrammeView>(catalogApi.createProgramme.path, body));
  }

  createCourse(body: CourseInput): Promise<CourseAdminView> {
    return firstValueFrom(this.http.post<CourseAdminView>(catalogApi.createCourse.path, body));
  }

  updateCourse(courseId: string, body: CourseUpdate): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.patch<CourseAdminView>(routeUrl(catalogApi.updateCourse, { id: courseId }), body),
    );
  }

  setStatus(courseId: string, status: CourseStatus): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.post<CourseAdminView>(routeUrl(catalogApi.setCourseStatus, { id: courseId }), { status }),
    );
  }

  duplicate(courseId: string, slug: string): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.post<CourseAdminView>(routeUrl(catalogApi.duplicateCourse, { id: courseId }), { slug }),
    );
  }

  addModule(courseId: string, body: ModuleInput): Promise<ModuleAdminView> {
    return firstValueFrom(
      this.http.post<ModuleAdminView>(routeUrl(catalogApi.addModule, { id: courseId }), body),
    );
  }

  updateModule(moduleId: string, body: ModuleUpdate): Promise<ModuleAdminView> {
    return firstValueFrom(
      this.http.patch<ModuleAdminView>(routeUrl(catalogApi.updateModule, { id: moduleId }), body),
    );
  }

  deleteModule(moduleId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(catalogApi.deleteModule, { id: moduleId })));
  }

  reorderModules(courseId: string, ids: string[]): Promise<CourseAdminView> {
    return firstValueFrom(
      this.http.put<CourseAdminView>(routeUrl(catalogApi.orderModules, { id: courseId }), { ids }),
    );
  }

  addActivity(moduleId: string, body: ActivityInput): Promise<ActivityAdminView> {
    return firstValueFrom(
      this.http.post<ActivityAdminView>(routeUrl(catalogApi.addActivity, { id: moduleId }), body),
    );
  }

  updateActivity(activityId: string, body: ActivityUpdate): Promise<ActivityAdminView> {
    return firstValueFrom(
      this.http.patch<ActivityAdminView>(routeUrl(catalogApi.updateActivity, { id: activityId }), body),
    );
  }

  deleteActivity(activityId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(catalogApi.deleteActivity, { id: activityId })));
  }

  reorderActivities(moduleId: string, ids: string[]): Promise<ModuleAdminView> {
    return firstValueFrom(
      this.http.put<ModuleAdminView>(routeUrl(catalogApi.orderActivities, { id: moduleId }), { ids }),
    );
  }

  /** Sends the file with its progress: on a slow link a 20 MB upload takes minutes. */
  uploadFile(activityId: string, file: File): Observable<UploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .put<ActivityAdminView>(routeUrl(catalogApi.uploadActivityFile, { id: activityId }), body, {
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
