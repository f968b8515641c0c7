import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import type { MapMarkerInput } from './world-map.drawing';

/**
 * A map of the network that needs no map tiles: the world's boundaries ship with the app and are
 * drawn as SVG. The boundaries and the projection code load in their own chunk when a map first
 * shows, so pages without one stay small. One accessible name for the whole picture (`label`);
 * what it shows is also listed as text on every page that has a map.
 */
@Component({
  selector: 'aula-network-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame" [style.aspect-ratio]="width() + ' / ' + height()">
      <svg
        role="img"
        data-testid="network-map"
        [attr.aria-label]="label()"
        [attr.aria-busy]="drawing.isLoading()"
        [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
        [attr.data-highlighted]="highlight().join(' ')"
        preserveAspectRatio="xMidYMid meet"
      >
        @if (map(); as map) {
          <path class="sphere" [attr.d]="map.sphere" />
          @for (country of map.countries; track country.key) {
            <path
              class="country"
              [class.highlighted]="country.highlighted"
              [attr.data-country]="country.code"
              [attr.d]="country.d"
            />
          }
          @for (marker of map.markers; track marker.id) {
            <circle
              class="marker"
              [attr.data-marker]="marker.id"
              [attr.cx]="marker.x"
              [attr.cy]="marker.y"
              [attr.r]="markerRadius()"
            />
          }
        }
      </svg>
      @if (drawing.isLoading()) {
        <p class="note">{{ loadingText() }}</p>
      } @else if (drawing.error()) {
        <p class="note error" role="alert">{{ failedText() }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      inline-size: 100%;
      border-radius: var(--mat-sys-corner-medium);
      overflow: hidden;
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
    }
    .sphere {
      fill: var(--mat-sys-surface-container);
    }
    .country {
      fill: var(--mat-sys-surface-container-highest);
      stroke: var(--mat-sys-outline-variant);
      stroke-width: 0.5;
      vector-effect: non-scaling-stroke;
    }
    .country.highlighted {
      fill: var(--mat-sys-primary);
      stroke: var(--mat-sys-on-primary);
    }
    .marker {
      fill: var(--mat-sys-tertiary);
      stroke: var(--mat-sys-on-tertiary);
      stroke-width: 2;
    }
    .note {
      position: absolute;
      inset-block-end: 8px;
      inset-inline-start: 12px;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class NetworkMapComponent {
  /** The picture's accessible name: what and where it shows. */
  readonly label = input.required<string>();
  readonly loadingText = input.required<string>();
  readonly failedText = input.required<string>();
  /** Alpha-2 codes of the countries to colour. */
  readonly highlight = input<readonly string[]>([]);
  /** Alpha-2 codes to frame; none shows the whole world. */
  readonly focus = input<readonly string[]>([]);
  readonly markers = input<readonly MapMarkerInput[]>([]);
  readonly width = input(960);
  readonly height = input(500);

  /** Markers stay visible when a wide map is shown on a narrow screen. */
  protected readonly markerRadius = computed(() => Math.max(5, Math.round(this.width() / 110)));

  protected readonly drawing = resource({ loader: () => import('./world-map.drawing') });

  protected readonly map = computed(() => {
    if (!this.drawing.hasValue()) return null;
    return this.drawing.value().drawWorldMap({
      width: this.width(),
      height: this.height(),
      highlight: this.highlight(),
      focus: this.focus(),
      markers: this.markers(),
    });
  });
}
