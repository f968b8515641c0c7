import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { scaleBars } from './bar-chart';
import { BarChartComponent } from './bar-chart.component';

describe('bar chart scale', () => {
  it('draws each bar as its share of the axis, largest first when asked', () => {
    const scale = scaleBars(
      [
        { key: 'asia', label: 'Asia', value: 3 },
        { key: 'lac', label: 'Latin America', value: 17 },
        { key: 'africa', label: 'Africa', value: 0 },
      ],
      { sort: true },
    );
    expect(scale.max).toBe(17);
    expect(scale.total).toBe(20);
    expect(scale.bars.map((bar) => [bar.key, bar.percent])).toEqual([
      ['lac', 100],
      ['asia', 17.6],
      ['africa', 0],
    ]);
  });

  it('keeps the given order by default and a sliver of bar for a small non-zero count', () => {
    const scale = scaleBars([
      { key: 'a', label: 'A', value: 1 },
      { key: 'b', label: 'B', value: 1000 },
    ]);
    expect(scale.bars.map((bar) => bar.key)).toEqual(['a', 'b']);
    expect(scale.bars[0]?.percent).toBe(1);
    expect(scale.bars[1]?.percent).toBe(100);
  });

  it('draws no bars, and no division by zero, when every count is zero or invalid', () => {
    const scale = scaleBars([
      { key: 'a', label: 'A', value: 0 },
      { key: 'b', label: 'B', value: -4 },
      { key: 'c', label: 'C', value: Number.NaN },
    ]);
    expect(scale.max).toBe(1);
    expect(scale.bars.map((bar) => [bar.value, bar.percent])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('BarChartComponent', () => {
  it('is a table whose rows name each label with its number, in the reader’s number format', () => {
    const fixture = TestBed.createComponent(BarChartComponent);
    fixture.componentRef.setInput('caption', 'Institutions per world region');
    fixture.componentRef.setInput('labelHeader', 'World region');
    fixture.componentRef.setInput('valueHeader', 'Institutions');
    fixture.componentRef.setInput('totalLabel', 'Total');
    fixture.componentRef.setInput('locale', 'pt-BR');
    fixture.componentRef.setInput('rows', [
      { key: 'asia', label: 'Ásia', value: 250 },
      { key: 'lac', label: 'América Latina e Caribe', value: 1500 },
    ]);
    fixture.detectChanges();
    const table = fixture.nativeElement as HTMLElement;

    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Institutions per world region');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [
      row.querySelector('th')?.textContent?.trim(),
      row.querySelector('.value')?.textContent?.trim(),
      (row.querySelector('.bar') as HTMLElement | null)?.style.inlineSize,
    ]);
    expect(rows).toEqual([
      ['América Latina e Caribe', '1.500', '100%'],
      ['Ásia', '250', '16.7%'],
    ]);
    expect(table.querySelector('tfoot .value')?.textContent?.trim()).toBe('1.750');
    expect(table.querySelector('.track')?.getAttribute('aria-hidden')).toBe('true');
  });
});
