import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  directoryApi,
  NETWORK_PHOTO_MAX_BYTES,
  NETWORK_PHOTO_TYPES,
  type MyNetworkProfile,
  type NetworkProfileInput,
} from '@aula/contracts';
import { filter, firstValueFrom, map, type Observable } from 'rxjs';

export type PhotoUploadEvent = { progress: number } | { done: MyNetworkProfile };

/** Why a chosen file cannot be a photo, before it is sent: the API would refuse it anyway, after a long upload. */
export function photoProblem(
  file: Pick<File, 'size' | 'type'>,
): 'photoTooLarge' | 'photoType' | 'photoEmpty' | null {
  if (!(NETWORK_PHOTO_TYPES as readonly string[]).includes(file.type)) return 'photoType';
  if (file.size === 0) return 'photoEmpty';
  if (file.size > NETWORK_PHOTO_MAX_BYTES) return 'photoTooLarge';
  return null;
}

/** The signed-in person's network profile: reading, saving, withdrawing, and its photo. */
@Injectable({ providedIn: 'root' })
export class NetworkProfileService {
  private readonly http = inject(HttpClient);

  get(): Promise<MyNetworkProfile> {
    return firstValueFrom(this.http.get<MyNetworkProfile>(directoryApi.myProfile.path));
  }

  save(input: NetworkProfileInput): Promise<MyNetworkProfile> {
    return firstValueFrom(this.http.put<MyNetworkProfile>(directoryApi.saveMyProfile.path, input));
  }

  withdraw(): Promise<MyNetworkProfile> {
    return firstValueFrom(this.http.delete<MyNetworkProfile>(directoryApi.withdrawMyProfile.path));
  }

  /** Sends the photo in the form field the API reads (`file`), with its progress. */
  uploadPhoto(file: File): Observable<PhotoUploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .put<MyNetworkProfile>(directoryApi.uploadMyPhoto.path, body, {
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        filter(
          (event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response,
        ),
        map((event): PhotoUploadEvent => {
          if (event.type === HttpEventType.Response) return { done: event.body as MyNetworkProfile };
          const total = event.type === HttpEventType.UploadProgress ? (event.total ?? file.size) : file.size;
          const loaded = event.type === HttpEventType.UploadProgress ? event.loaded : 0;
          return { progress: total ? Math.min(100, Math.round((loaded / total) * 100)) : 0 };
        }),
      );
  }
}
