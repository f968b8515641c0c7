import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { MyCheckInCodeComponent } from './my-checkin-code.component';

/** `/workshops/:slug/check-in-code`: the participant's code on a page of its own (to show at the door). */
@Component({
  selector: 'aula-my-checkin-code-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoDirective, MyCheckInCodeComponent],
  template: `
    <section class="page" *transloco="let t; prefix: 'attendance'">
      <a mat-button [routerLink]="workshopLink()">{{ t('backToWorkshop') }}</a>
      <aula-my-checkin-code [workshopSlug]="slug()" />
    </section>
  `,
  styles: `
    .page {
      display: grid;
      gap: 16px;
      padding: 16px;
      max-inline-size: 480px;
      margin-inline: auto;
    }
    a {
      justify-self: start;
    }
  `,
})
export default class MyCheckInCodePageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  protected readonly workshopLink = computed(() => routeUrl(webPages.workshop, { slug: this.slug() }));
}
