import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarFeedView,
  Page,
  NotificationPreferencesView,
  NotificationView,
  UnreadCountView,
  UpdateNotificationPreferencesRequest,
} from '@aula/contracts';
import { notificationApi, routeUrl } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';

/** The calls the notification screens make; one place so the paths are written once. */
@Injectable({ providedIn: 'root' })
export class NotificationApiService {
  private readonly http = inject(HttpClient);

  unreadCount(): Promise<UnreadCountView> {
    return firstValueFrom(this.http.get<UnreadCountView>(notificationApi.unreadCount.path));
  }

  recent(limit = 10): Promise<NotificationView[]> {
    return firstValueFrom(
      this.http.get<Page<NotificationView>>(notificationApi.list.path, { params: { limit } }),
    ).then((page) => page.items);
  }

  markRead(id: string): Promise<NotificationView> {
    return firstValueFrom(this.http.post<NotificationView>(routeUrl(notificationApi.read, { id }), {}));
  }

  markAllRead(): Promise<UnreadCountView> {
    return firstValueFrom(this.http.post<UnreadCountView>(notificationApi.readAll.path, {}));
  }

  preferences(): Promise<NotificationPreferencesView> {
    return firstValueFrom(this.http.get<NotificationPreferencesView>(notificationApi.preferences.path));
  }

  savePreferences(request: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesView> {
    return firstValueFrom(
      this.http.put<NotificationPreferencesView>(notificationApi.savePreferences.path, request),
    );
  }

  calendarFeed(): Promise<CalendarFeedView> {
    return firstValueFrom(this.http.get<CalendarFeedView>(notificationApi.calendarFeed.path));
  }

  createCalendarFeed(): Promise<CalendarFeedView> {
    return firstValueFrom(this.http.post<CalendarFeedView>(notificationApi.regenerateCalendarFeed.path, {}));
  }

  revokeCalendarFeed(): Promise<void> {
    return firstValueFrom(this.http.delete<void>(notificationApi.revokeCalendarFeed.path));
  }

  requestPasswordReset(email: string): Promise<unknown> {
    return firstValueFrom(this.http.post(notificationApi.requestPasswordReset.path, { email }));
  }

  confirmPasswordReset(token: string, password: string): Promise<unknown> {
    return firstValueFrom(this.http.post(notificationApi.confirmPasswordReset.path, { token, password }));
  }
}
