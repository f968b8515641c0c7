import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { routeUrl, webPages, type PublicPersonView } from '@aula/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { countryName } from './network-text';

/** People of the network as cards: name (their page), institution, country and topics. */
@Component({
  selector: 'aula-person-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <ul class="people">
      @for (person of people(); track person.id) {
        <li class="person">
          @if (person.photoUrl) {
            <img class="photo" [src]="person.photoUrl" alt="" width="48" height="48" loading="lazy" />
          } @else {
            <span class="photo initial" aria-hidden="true">{{ initial(person.displayName) }}</span>
          }
          <div class="text">
            <a class="name" [routerLink]="personLink(person.id)" dir="auto">{{ person.displayName }}</a>
            @if (person.institution) {
              <span class="detail" dir="auto">{{ person.institution.displayName }}</span>
            }
            @if (person.country) {
              <span class="detail">{{ country(person.country) }}</span>
            }
            @if (person.topics.length) {
              <ul class="topics">
                @for (topic of person.topics; track topic) {
                  <li dir="auto">{{ topic }}</li>
                }
              </ul>
            }
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .people {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .person {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .photo {
      flex: none;
      inline-size: 48px;
      block-size: 48px;
      border-radius: 50%;
      object-fit: cover;
    }
    .initial {
      display: grid;
      place-items: center;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-title-medium);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .name {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .topics {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin: 4px 0 0;
      padding: 0;
      list-style: none;

      li {
        padding: 2px 8px;
        border-radius: 8px;
        background: var(--mat-sys-surface-container-high);
        font: var(--mat-sys-label-small);
      }
    }
  `,
})
export class PersonListComponent {
  readonly people = input.required<readonly PublicPersonView[]>();
  private readonly tag = inject(LanguageService).tag;
  private readonly countryNames = computed(() => {
    const tag = this.tag();
    return (code: string) => countryName(code, tag);
  });

  protected personLink(id: string): string {
    return routeUrl(webPages.networkPerson, { id });
  }

  protected country(code: string): string {
    return this.countryNames()(code);
  }

  protected initial(name: string): string {
    return [...name.trim()][0]?.toUpperCase() ?? '?';
  }
}
