import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { validationPipe } from '../common/validation';
import {
  CreateActivityDto,
  CreateCourseDto,
  ReorderDto,
  UpdateActivityDto,
  UpdateCourseDto,
} from './catalog.dto';

const pipe = validationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function fieldsRefused(metatype: ArgumentMetadata['metatype'], value: unknown): Promise<string[]> {
  try {
    await pipe.transform(value, body(metatype));
    return [];
  } catch (e) {
    if (!(e instanceof BadRequestException)) throw e;
    return (e.getResponse() as { errors: { path: string }[] }).errors.map((x) => x.path);
  }
}

const course = {
  programmeId: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44',
  slug: 'regional-planning-2027',
  defaultLocale: 'es',
  title: { es: 'Planificación', en: 'Planning' },
};

describe('catalogue request bodies', () => {
  it('accept a complete course', async () => {
    expect(
      await fieldsRefused(CreateCourseDto, {
        ...course,
        summary: { pt: 'Resumo' },
        description: { es: '<p>x</p>' },
        topics: ['a'],
        estimatedHours: null,
      }),
    ).toEqual([]);
  });

  it.each([
    [{ title: { es: 'x', fr: 'y' } }, 'title.fr'],
    [{ title: { es: 'x'.repeat(201) } }, 'title.es'],
    [{ title: { es: null } }, 'title.es'],
    [{ title: null }, 'title'],
    [{ summary: { en: 'x'.repeat(501) } }, 'summary.en'],
    [{ description: { pt: 'é'.repeat(51_300) } }, 'description.pt'],
    [{ slug: 'a--' }, 'slug'],
    [{ slug: '-abc' }, 'slug'],
    [{ slug: 'abc-' }, 'slug'],
    [{ slug: 'x'.repeat(81) }, 'slug'],
    [{ slug: 'ñandú' }, 'slug'],
    [{ topics: [''] }, 'topics'],
    [{ topics: 'planning' }, 'topics'],
    [{ estimatedHours: 0 }, 'estimatedHours'],
    [{ estimatedHours: '3' }, 'estimatedHours'],
    [{ reminderOffsetsHours: [0] }, 'reminderOffsetsHours'],
    [{ reminderOffsetsHours: [721] }, 'reminderOffsetsHours'],
    [{ reminderOffsetsHours: [24, 24] }, 'reminderOffsetsHours'],
    [{ reminderOffsetsHours: [1, 2, 3, 4, 5] }, 'reminderOffsetsHours'],
    [{ reminderOffsetsHours: ['24'] }, 'reminderOffsetsHours'],
    [{ reminderOffsetsHours: [] }, 'reminderOffsetsHours'],
    [{ id: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44' }, 'id'],
    [{ locales: ['en'] }, 'locales'],
  ])('refuse a course with %j, naming %s', async (change, field) => {
    expect(await fieldsRefused(CreateCourseDto, { ...course, ...change })).toContain(field);
  });

  it('accept a partial update, and refuse nulls where a value has no empty state', async () => {
    expect(await fieldsRefused(UpdateCourseDto, {})).toEqual([]);
    expect(await fieldsRefused(UpdateCourseDto, { estimatedHours: null })).toEqual([]);
    expect(await fieldsRefused(UpdateCourseDto, { reminderOffsetsHours: null })).toEqual([]);
    expect(await fieldsRefused(UpdateCourseDto, { reminderOffsetsHours: [720, 48, 24, 1] })).toEqual([]);
    expect(new Set(await fieldsRefused(UpdateCourseDto, { slug: null, title: null }))).toEqual(
      new Set(['slug', 'title']),
    );
    expect(await fieldsRefused(UpdateCourseDto, { status: 'published' })).toEqual(['status']);
  });

  it('check activities: kind, link address, and no kind change', async () => {
    expect(
      await fieldsRefused(CreateActivityDto, {
        kind: 'link',
        title: { en: 'x' },
        url: 'https://example.org/v?id=1',
      }),
    ).toEqual([]);
    expect(
      await fieldsRefused(CreateActivityDto, {
        kind: 'link',
        title: { en: 'x' },
        url: 'javascript:alert(1)',
      }),
    ).toEqual(['url']);
    expect(
      await fieldsRefused(CreateActivityDto, {
        kind: 'link',
        title: { en: 'x' },
        url: `https://example.org/${'a'.repeat(2048)}`,
      }),
    ).toEqual(['url']);
    expect(await fieldsRefused(CreateActivityDto, { kind: 'video', title: { en: 'x' } })).toEqual(['kind']);
    expect(
      await fieldsRefused(CreateActivityDto, { kind: 'page', title: { en: 'x' }, required: 'yes' }),
    ).toEqual(['required']);
    expect(await fieldsRefused(UpdateActivityDto, { kind: 'quiz' })).toEqual(['kind']);
    expect(await fieldsRefused(UpdateActivityDto, { url: null })).toEqual([]);
  });

  it('check reorder lists', async () => {
    expect(await fieldsRefused(ReorderDto, { ids: [] })).toEqual([]);
    expect(await fieldsRefused(ReorderDto, { ids: ['x'] })).toEqual(['ids']);
    expect(await fieldsRefused(ReorderDto, { ids: 'x' })).toContain('ids');
    expect(await fieldsRefused(ReorderDto, {})).toContain('ids');
  });
});
