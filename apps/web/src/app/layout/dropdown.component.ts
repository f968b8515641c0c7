import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';

let nextId = 0;

/**
 * A button that shows a small panel of links and buttons below it (the "disclosure" pattern):
 * Tab moves through the items, Escape closes and returns to the button, so do clicking outside,
 * leaving with the keyboard, or choosing an item. Lighter than a Material menu: no overlay code
 * in the first download.
 */
@Component({
  selector: 'aula-dropdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      #trigger
      type="button"
      class="trigger"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="panelId"
      (click)="toggle()"
    >
      <ng-content select="[dropdownTrigger]" />
    </button>
    <div class="panel" [id]="panelId" [hidden]="!open()" [attr.data-align]="align()" (click)="chosen($event)">
      <ng-content />
    </div>
  `,
  styleUrl: './dropdown.component.scss',
  host: {
    '(document:click)': 'clickedSomewhere($event)',
    '(keydown.escape)': 'close(true)',
    '(focusout)': 'focusLeft($event)',
  },
})
export class DropdownComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');

  readonly align = input<'start' | 'end'>('end');

  protected readonly panelId = `aula-dropdown-${nextId++}`;
  protected readonly open = signal(false);

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  close(returnFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.trigger().nativeElement.focus();
  }

  protected chosen(event: Event): void {
    const item = (event.target as HTMLElement).closest('a, button');
    // A link moves to another page (which takes focus); after a button, focus goes back to ours
    // rather than falling to <body> with the hidden panel.
    if (item) this.close(item.tagName === 'BUTTON');
  }

  protected clickedSomewhere(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.close();
  }

  protected focusLeft(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.nativeElement.contains(next)) this.close();
  }
}
