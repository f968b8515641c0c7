import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from '../core/i18n/language.service';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** `{{ file.size | fileSize }}` → "2,4 MB" in the interface language: worth knowing on a slow link. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(bytes: number | null | undefined): string {
    if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return new Intl.NumberFormat(this.language.tag(), {
      style: 'unit',
      unit: UNITS[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
    }).format(value);
  }
}
