import { Pipe, PipeTransform, inject } from '@angular/core';
import { DateTimeService, DateTimeStyle } from './date-time.service';

/**
 * `{{ createdAt | localDateTime: 'date' }}`: an instant in the viewer's zone and language.
 * Impure so it follows language and zone changes; formatters are cached, so it stays cheap.
 */
@Pipe({ name: 'localDateTime', pure: false })
export class LocalDateTimePipe implements PipeTransform {
  private readonly dateTime = inject(DateTimeService);

  transform(value: string | number | Date | null | undefined, style: DateTimeStyle = 'dateTime'): string {
    return this.dateTime.format(value, style);
  }
}
