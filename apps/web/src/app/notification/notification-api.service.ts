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
import { firstValueFrom } from 'rxjs';

/** The calls the notification screens make; one place so the paths are written once. */
@Injectable({ providedIn: 'root' })
export class NotificationApiService {
  private readonly http = inject(HttpClient);

  unreadCount(): Promise<UnreadCountView> {
    return firstValueFrom(this.http.get<UnreadCountView>('/api/me/notifications/unread-count'));
  }

  recent(limit = 10): Promise<NotificationView[]> {
    return firstValueFrom(
      this.http.get<Page<NotificationView>>('/api/me/notifications', { params: { limit } }),
    ).then((page) => page.items);
  }

  markRead(id: string): Promise<NotificationView> {
    return firstValueFrom(this.http.post<NotificationView>(`/api/me/notifications/${id}/read`, {}));
  }

  markAllRead(): Promise<UnreadCountView> {
    return firstValueFrom(this.http.post<UnreadCountView>('/api/me/notifications/read-all', {}));
  }

  preferences(): Promise<NotificationPreferencesView> {
    return firstValueFrom(this.http.get<NotificationPreferencesView>('/api/me/notification-preferences'));
  }

  savePreferences(request: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesView> {
    return firstValueFrom(
      this.http.put<NotificationPreferencesView>('/api/me/notification-preferences', request),
    );
  }

  calendarFeed(): Promise<CalendarFeedView> {
    return firstValueFrom(this.http.get<CalendarFeedView>('/api/me/calendar-feed'));
  }

  createCalendarFeed(): Promise<CalendarFeedView> {
    return firstValueFrom(this.http.post<CalendarFeedView>('/api/me/calendar-feed', {}));
  }

  revokeCalendarFeed(): Promise<void> {
    return firstValueFrom(this.http.delete<void>('/api/me/calendar-feed'));
  }

  requestPasswordReset(email: string): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/auth/password-reset', { email }));
  }

  confirmPasswordReset(token: string, password: string): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/auth/password-reset/confirm', { token, password }));
  }
}
