import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoService, provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ItemActionsComponent } from './item-actions.component';

const TEXTS = {
  admin: {
    module: {
      moveUp: 'Move {{name}} up',
      moveDown: 'Move {{name}} down',
      edit: 'Edit {{name}}',
      delete: 'Delete {{name}}',
    },
  },
};

class InlineLoader implements TranslocoLoader {
  getTranslation() {
    return of(TEXTS);
  }
}

@Component({
  imports: [ItemActionsComponent],
  template: `
    <aula-item-actions
      kind="module"
      itemId="m1"
      name="Planning"
      label="Actions for Planning"
      [first]="first()"
      [busy]="busy()"
      (move)="events.push('move ' + $event)"
      (edit)="events.push('edit')"
      (delete)="events.push('delete')"
    >
      <a href="/quiz">Open the quiz</a>
    </aula-item-actions>
  `,
})
class HostComponent {
  readonly first = signal(true);
  readonly busy = signal(false);
  readonly events: string[] = [];
}

describe('ItemActionsComponent', () => {
  let fixture: ComponentFixture<HostComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: InlineLoader }),
      ],
    });
    TestBed.inject(TranslocoService).setActiveLang('en');
    fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
  });

  const group = () =>
    (fixture.nativeElement as HTMLElement).querySelector('aula-item-actions') as HTMLElement;
  const controls = () => [...group().querySelectorAll<HTMLElement>('button, a')];
  const named = (label: string) =>
    controls().find((c) => c.getAttribute('aria-label') === label) as HTMLButtonElement;

  it('is one named group: move up, move down, what the editor adds, edit, delete', () => {
    expect(group().getAttribute('role')).toBe('group');
    expect(group().getAttribute('aria-label')).toBe('Actions for Planning');
    expect(controls().map((c) => c.getAttribute('aria-label') ?? c.textContent?.trim())).toEqual([
      'Move Planning up',
      'Move Planning down',
      'Open the quiz',
      'Edit Planning',
      'Delete Planning',
    ]);
  });

  it('keeps the ids the editor returns focus to after a move', () => {
    expect(named('Move Planning up').id).toBe('move-up-m1');
    expect(named('Move Planning down').id).toBe('move-down-m1');
  });

  it('cannot move the first item up, and moves nothing nor deletes while a change is under way', async () => {
    expect(named('Move Planning up').disabled).toBe(true);
    expect(named('Move Planning down').disabled).toBe(false);
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    expect(named('Move Planning down').disabled).toBe(true);
    expect(named('Delete Planning').disabled).toBe(true);
    expect(named('Edit Planning').disabled).toBe(false);
  });

  it('tells the editor which way to move, and what else was asked', async () => {
    fixture.componentInstance.first.set(false);
    await fixture.whenStable();
    named('Move Planning up').click();
    named('Move Planning down').click();
    named('Edit Planning').click();
    named('Delete Planning').click();
    expect(fixture.componentInstance.events).toEqual(['move -1', 'move 1', 'edit', 'delete']);
  });
});
