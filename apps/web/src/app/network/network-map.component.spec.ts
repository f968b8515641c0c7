import { TestBed } from '@angular/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { NetworkMapComponent } from './network-map.component';

describe('NetworkMapComponent', () => {
  it('draws the map once its code has loaded: one named picture, the country coloured, the marker placed', async () => {
    const fixture = TestBed.createComponent(NetworkMapComponent);
    fixture.componentRef.setInput('label', 'Map of Antioquia, Colombia');
    fixture.componentRef.setInput('loadingText', 'Drawing the map…');
    fixture.componentRef.setInput('failedText', 'The map could not be drawn.');
    fixture.componentRef.setInput('highlight', ['CO']);
    fixture.componentRef.setInput('focus', ['CO']);
    fixture.componentRef.setInput('markers', [
      { id: 'antioquia', label: 'Antioquia', lat: 6.25, lon: -75.56 },
    ]);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const svg = host.querySelector('svg');

    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe('Map of Antioquia, Colombia');
    expect(host.textContent).toContain('Drawing the map…');

    await vi.waitFor(
      () => {
        fixture.detectChanges();
        expect(host.querySelectorAll('path.country').length).toBeGreaterThan(100);
      },
      { timeout: 4000 },
    );
    expect(
      [...host.querySelectorAll('path.highlighted')].map((path) => path.getAttribute('data-country')),
    ).toEqual(['CO']);
    const marker = host.querySelector('circle[data-marker="antioquia"]');
    expect(Number(marker?.getAttribute('cx'))).toBeGreaterThan(0);
    expect(Number(marker?.getAttribute('cx'))).toBeLessThan(960);
    expect(host.textContent).not.toContain('Drawing the map…');

    // New inputs redraw without loading anything again.
    fixture.componentRef.setInput('highlight', ['BR', 'GT']);
    fixture.detectChanges();
    expect(
      [...host.querySelectorAll('path.highlighted')].map((path) => path.getAttribute('data-country')).sort(),
    ).toEqual(['BR', 'GT']);
  });
});
