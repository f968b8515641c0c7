import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActivityInput, CohortInput, CourseInput, Translations } from '@aula/contracts';
import { CatalogService, Course, Programme } from '@aula/server/catalog';
import {
  AlreadyEnrolledError,
  CohortService,
  EnrolmentService,
  LearningService,
} from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';

/**
 * Demo courses and cohorts of the programme, in Spanish, Portuguese and English, with people
 * enrolled and some progress. Idempotent: what exists (by slug, by cohort name) is left alone.
 * Cohort dates are set around the day of the first seed.
 */

const PROGRAMME_SLUG = 'integrated-regional-development-management';

interface DemoActivity extends ActivityInput {
  key?: string;
}

interface DemoCourse extends Omit<CourseInput, 'programmeId'> {
  publish: boolean;
  modules: { title: Translations; activities: DemoActivity[] }[];
}

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

export const DEMO_COURSES: DemoCourse[] = [
  {
    slug: 'regional-development-planning',
    defaultLocale: 'es',
    title: {
      es: 'Planificación del desarrollo regional',
      pt: 'Planejamento do desenvolvimento regional',
      en: 'Regional development planning',
    },
    summary: {
      es: 'Del diagnóstico territorial al plan de acción: cómo una región decide hacia dónde va y quién hace qué.',
      pt: 'Do diagnóstico territorial ao plano de ação: como uma região decide para onde vai e quem faz o quê.',
      en: 'From territorial diagnosis to action plan: how a region decides where it is going and who does what.',
    },
    description: {
      es: p(
        'Curso básico del programa. Trabaja con datos de su propia región y termina con un borrador de plan de acción revisado por su tutora o tutor.',
      ),
      pt: p(
        'Curso básico do programa. Trabalhe com dados da sua própria região e termine com um rascunho de plano de ação revisado pela tutoria.',
      ),
      en: p(
        'The core course of the programme. Work with data from your own region and finish with a draft action plan reviewed by your tutor.',
      ),
    },
    topics: ['planning', 'territorial analysis'],
    estimatedHours: 40,
    publish: true,
    modules: [
      {
        title: { es: 'Diagnóstico territorial', pt: 'Diagnóstico territorial', en: 'Territorial diagnosis' },
        activities: [
          {
            kind: 'page',
            title: { es: '¿Qué es una región?', pt: 'O que é uma região?', en: 'What is a region?' },
            body: {
              es: p(
                'Una región no es solo una división administrativa: es un espacio donde se comparten mercados de trabajo, cuencas, redes de transporte e identidades.',
                'Compare la región administrativa con la región funcional: ¿coinciden en su caso? ¿Qué decisiones se toman a cada escala?',
              ),
              pt: p(
                'Uma região não é só uma divisão administrativa: é um espaço onde se compartilham mercados de trabalho, bacias, redes de transporte e identidades.',
                'Compare a região administrativa com a região funcional: elas coincidem no seu caso? Que decisões se tomam em cada escala?',
              ),
              en: p(
                'A region is more than an administrative division: it is a space that shares labour markets, river basins, transport networks and identities.',
                'Compare the administrative region with the functional one: do they match in your case? Which decisions are taken at each scale?',
              ),
            },
          },
          {
            kind: 'page',
            title: {
              es: 'Indicadores para el diagnóstico',
              pt: 'Indicadores para o diagnóstico',
              en: 'Indicators for the diagnosis',
            },
            body: {
              es: p(
                'Elija pocos indicadores, con fuente y año: población y su dinámica, empleo formal, pobreza multidimensional, acceso a servicios, cobertura de bosques.',
                'Un indicador sin línea de base ni meta no sirve para planificar.',
              ),
              pt: p(
                'Escolha poucos indicadores, com fonte e ano: população e sua dinâmica, emprego formal, pobreza multidimensional, acesso a serviços, cobertura florestal.',
                'Um indicador sem linha de base nem meta não serve para planejar.',
              ),
              en: p(
                'Choose few indicators, each with source and year: population and its trend, formal employment, multidimensional poverty, access to services, forest cover.',
                'An indicator without a baseline and a target is of no use for planning.',
              ),
            },
          },
          {
            kind: 'link',
            title: {
              es: 'CEPAL: planificación para el desarrollo',
              pt: 'CEPAL: planejamento para o desenvolvimento',
              en: 'ECLAC: planning for development',
            },
            url: 'https://www.cepal.org/es/temas/planificacion-desarrollo',
            required: false,
          },
        ],
      },
      {
        title: { es: 'Visión y estrategia', pt: 'Visão e estratégia', en: 'Vision and strategy' },
        activities: [
          {
            kind: 'page',
            title: {
              es: 'Construir una visión compartida',
              pt: 'Construir uma visão compartilhada',
              en: 'Building a shared vision',
            },
            body: {
              es: p(
                'La visión se construye con los actores del territorio: gobiernos locales, sector productivo, universidades y organizaciones sociales. Documente quién participó y cómo.',
              ),
              pt: p(
                'A visão se constrói com os atores do território: governos locais, setor produtivo, universidades e organizações sociais. Documente quem participou e como.',
              ),
              en: p(
                'A vision is built with the people of the territory: local governments, business, universities and civil society. Record who took part and how.',
              ),
            },
          },
          {
            kind: 'page',
            title: {
              es: 'Del diagnóstico a los ejes estratégicos',
              pt: 'Do diagnóstico aos eixos estratégicos',
              en: 'From diagnosis to strategic axes',
            },
            body: {
              es: p(
                'Agrupe los problemas priorizados en tres a cinco ejes. Cada eje necesita un objetivo verificable y una entidad responsable.',
              ),
              pt: p(
                'Agrupe os problemas priorizados em três a cinco eixos. Cada eixo precisa de um objetivo verificável e de uma entidade responsável.',
              ),
              en: p(
                'Group the prioritised problems into three to five axes. Each axis needs a verifiable objective and a responsible entity.',
              ),
            },
          },
        ],
      },
      {
        title: { es: 'Plan de acción', pt: 'Plano de ação', en: 'Action plan' },
        activities: [
          {
            kind: 'page',
            title: {
              es: 'Objetivos, metas y responsables',
              pt: 'Objetivos, metas e responsáveis',
              en: 'Objectives, targets and who is responsible',
            },
            body: {
              es: p(
                'Para cada acción: objetivo, actividades, entidad responsable, fecha de inicio y fin, y el indicador con el que se medirá.',
              ),
              pt: p(
                'Para cada ação: objetivo, atividades, entidade responsável, datas de início e fim, e o indicador com que será medida.',
              ),
              en: p(
                'For every action: objective, activities, responsible entity, start and end dates, and the indicator that will measure it.',
              ),
            },
          },
          {
            kind: 'link',
            title: {
              es: 'Guía metodológica de planes regionales (ILPES)',
              pt: 'Guia metodológico de planos regionais (ILPES)',
              en: 'Methodological guide to regional plans (ILPES)',
            },
            url: 'https://www.cepal.org/es/organos-subsidiarios/ilpes',
          },
        ],
      },
    ],
  },
  {
    slug: 'multilevel-governance',
    defaultLocale: 'en',
    title: {
      en: 'Multilevel governance and inter-municipal cooperation',
      es: 'Gobernanza multinivel y cooperación intermunicipal',
      pt: 'Governança multinível e cooperação intermunicipal',
    },
    summary: {
      en: 'How national, regional and local governments share decisions, money and work; associations of municipalities in Latin America, Asia and Africa.',
      es: 'Cómo los gobiernos nacional, regional y local comparten decisiones, recursos y trabajo; asociaciones de municipios en América Latina, Asia y África.',
      pt: 'Como os governos nacional, regional e local compartilham decisões, recursos e trabalho; consórcios de municípios na América Latina, Ásia e África.',
    },
    description: {
      en: p(
        'An interregional course: trainees from several continents compare how their regions coordinate.',
      ),
      es: p(
        'Un curso interregional: participantes de varios continentes comparan cómo se coordinan sus regiones.',
      ),
      pt: p(
        'Um curso inter-regional: participantes de vários continentes comparam como suas regiões se coordenam.',
      ),
    },
    topics: ['governance', 'south-south cooperation'],
    estimatedHours: 24,
    publish: true,
    modules: [
      {
        title: { en: 'Who decides what', es: 'Quién decide qué', pt: 'Quem decide o quê' },
        activities: [
          {
            kind: 'page',
            title: {
              en: 'Competences and transfers',
              es: 'Competencias y transferencias',
              pt: 'Competências e transferências',
            },
            body: {
              en: p(
                'Map which level of government holds each competence in your country, and which level pays for it.',
              ),
              es: p(
                'Identifique qué nivel de gobierno tiene cada competencia en su país y qué nivel la financia.',
              ),
              pt: p(
                'Identifique qual nível de governo detém cada competência no seu país e qual nível a financia.',
              ),
            },
          },
          {
            kind: 'link',
            title: {
              en: 'OECD: multi-level governance',
              es: 'OCDE: gobernanza multinivel',
              pt: 'OCDE: governança multinível',
            },
            url: 'https://www.oecd.org/en/topics/multi-level-governance.html',
          },
        ],
      },
      {
        title: {
          en: 'Working together across borders',
          es: 'Trabajar juntos más allá de los límites',
          pt: 'Trabalhar juntos além dos limites',
        },
        activities: [
          {
            kind: 'page',
            title: {
              en: 'Associations of municipalities',
              es: 'Asociaciones de municipios',
              pt: 'Consórcios de municípios',
            },
            body: {
              en: p(
                'Mancomunidades in Guatemala, consórcios públicos in Brazil, metropolitan areas in Colombia: what each can legally do, and how it is financed.',
              ),
              es: p(
                'Mancomunidades en Guatemala, consorcios públicos en Brasil, áreas metropolitanas en Colombia: qué puede hacer cada una legalmente y cómo se financia.',
              ),
              pt: p(
                'Mancomunidades na Guatemala, consórcios públicos no Brasil, áreas metropolitanas na Colômbia: o que cada um pode fazer legalmente e como se financia.',
              ),
            },
          },
        ],
      },
    ],
  },
  {
    // Spanish and Portuguese only: English readers see the Spanish default.
    slug: 'local-economic-development',
    defaultLocale: 'es',
    title: {
      es: 'Desarrollo económico local y cadenas de valor',
      pt: 'Desenvolvimento econômico local e cadeias de valor',
    },
    summary: {
      es: 'Cadenas productivas del territorio, encadenamientos con pequeños productores y el papel del gobierno regional.',
      pt: 'Cadeias produtivas do território, encadeamentos com pequenos produtores e o papel do governo regional.',
    },
    description: {
      es: p(
        'Casos del café en Cundinamarca, de la quinua en el altiplano y del queso artesanal en Minas Gerais.',
      ),
      pt: p('Casos do café em Cundinamarca, da quinoa no altiplano e do queijo artesanal em Minas Gerais.'),
    },
    topics: ['economic development'],
    estimatedHours: 20,
    publish: true,
    modules: [
      {
        title: { es: 'Mapear la cadena', pt: 'Mapear a cadeia' },
        activities: [
          {
            kind: 'page',
            title: { es: 'Eslabones y actores', pt: 'Elos e atores' },
            body: {
              es: p(
                'Dibuje la cadena desde el insumo hasta el consumidor final. Marque dónde se queda el valor y dónde están los cuellos de botella.',
              ),
              pt: p(
                'Desenhe a cadeia do insumo até o consumidor final. Marque onde fica o valor e onde estão os gargalos.',
              ),
            },
          },
          {
            kind: 'page',
            title: { es: 'Caso: queso artesanal de Minas', pt: 'Caso: queijo artesanal de Minas' },
            body: {
              es: p(
                'La certificación del queso de la Serra da Canastra abrió mercados, pero exigió inversiones que no todos los productores pudieron hacer.',
              ),
              pt: p(
                'A certificação do queijo da Serra da Canastra abriu mercados, mas exigiu investimentos que nem todos os produtores puderam fazer.',
              ),
            },
          },
        ],
      },
      {
        title: { es: 'Políticas de apoyo', pt: 'Políticas de apoio' },
        activities: [
          {
            kind: 'link',
            title: { es: 'OIT: desarrollo económico local', pt: 'OIT: desenvolvimento econômico local' },
            url: 'https://www.ilo.org/es/temas/desarrollo-economico-local',
          },
        ],
      },
    ],
  },
  {
    slug: 'financing-regional-development',
    defaultLocale: 'es',
    title: { es: 'Financiamiento del desarrollo regional', pt: 'Financiamento do desenvolvimento regional' },
    summary: { es: 'En preparación: fuentes propias, transferencias, crédito y cooperación.' },
    topics: ['public finance'],
    estimatedHours: 16,
    publish: false,
    modules: [
      {
        title: { es: 'Fuentes de financiamiento' },
        activities: [{ kind: 'page', title: { es: 'Ingresos propios' }, body: { es: p('Borrador.') } }],
      },
    ],
  },
];

interface DemoCohort extends Omit<CohortInput, 'courseId' | 'tutorIds' | 'startDate' | 'endDate'> {
  courseSlug: string;
  /** Days from the first seed. */
  startsIn: number;
  endsIn: number;
  tutors: string[];
  /** People placed by an administrator, in order (the last ones wait when the cohort is full). */
  enrolled: string[];
  /** People who asked to join (approval cohorts). */
  requests?: string[];
  /** Activities each enrolled person has done, by index in the course, per person. */
  progress?: Record<string, number>;
}

const email = (name: string) => `${name}@aula.example`;

export const DEMO_COHORTS: DemoCohort[] = [
  {
    courseSlug: 'regional-development-planning',
    name: 'Cohorte 2026-2 · Bogotá-Cundinamarca',
    startsIn: -21,
    endsIn: 70,
    timeZone: 'America/Bogota',
    capacity: 12,
    enrolmentMode: 'open',
    tutors: ['lucia.fernandez'],
    enrolled: [
      'jose.nunez',
      'camila.restrepo',
      'martin.quiroga',
      'ignacio.munoz',
      'valentina.rios',
      'maria.xiloj',
      'andres.ajanel',
    ],
    progress: {
      'jose.nunez': 4,
      'camila.restrepo': 7,
      'martin.quiroga': 2,
      'ignacio.munoz': 1,
      'valentina.rios': 3,
      'maria.xiloj': 5,
    },
  },
  {
    courseSlug: 'regional-development-planning',
    name: 'Cohorte 2027-1',
    startsIn: 30,
    endsIn: 120,
    timeZone: 'America/Bogota',
    capacity: 30,
    enrolmentMode: 'approval',
    tutors: ['lucia.fernandez'],
    enrolled: [],
    requests: ['ana.souza'],
  },
  {
    courseSlug: 'local-economic-development',
    name: 'Turma 2026-2 · Minas Gerais',
    startsIn: -10,
    endsIn: 60,
    timeZone: 'America/Sao_Paulo',
    capacity: 3,
    enrolmentMode: 'open',
    tutors: ['joao.conceicao'],
    enrolled: ['ana.souza', 'thiago.araujo', 'jose.nunez', 'camila.restrepo'],
    progress: { 'ana.souza': 2, 'thiago.araujo': 1 },
  },
  {
    courseSlug: 'multilevel-governance',
    name: 'Interregional cohort 2026',
    startsIn: -5,
    endsIn: 85,
    timeZone: 'America/Sao_Paulo',
    capacity: 25,
    enrolmentMode: 'approval',
    tutors: ['joao.conceicao', 'lucia.fernandez'],
    enrolled: ['minh.nguyen', 'wang.xiaoming', 'mohammed.alami', 'amara.okafor'],
    progress: { 'minh.nguyen': 2, 'wang.xiaoming': 1, 'amara.okafor': 3 },
  },
];

const isoDay = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

export async function seedDemoCourses(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const catalog = app.get(CatalogService);
  const cohorts = app.get(CohortService);
  const enrolments = app.get(EnrolmentService);
  const learning = app.get(LearningService);

  const people = new Map<string, Actor>();
  const rows = (await dataSource.query(
    'SELECT id, email, roles::text[] AS roles FROM users WHERE email LIKE $1',
    ['%@aula.example'],
  )) as {
    id: string;
    email: string;
    roles: Actor['roles'];
  }[];
  for (const row of rows) people.set(row.email, { id: row.id, roles: row.roles, sid: 'demo-seed' });
  const actor = (name: string): Actor => {
    const found = people.get(email(name));
    if (!found) throw new Error(`Demo person ${name} is missing; seed people first.`);
    return found;
  };
  const admin = actor('admin');

  const existingProgramme = await dataSource
    .getRepository(Programme)
    .findOne({ where: { slug: PROGRAMME_SLUG } });
  const programmeId =
    existingProgramme?.id ??
    (
      await catalog.createProgramme({
        slug: PROGRAMME_SLUG,
        defaultLocale: 'es',
        title: {
          es: 'Gestión Integrada del Desarrollo Regional',
          pt: 'Gestão Integrada do Desenvolvimento Regional',
          en: 'Integrated Regional Development Management',
        },
        description: {
          es: 'Programa de formación Sur-Sur para equipos de gobiernos regionales y locales.',
          pt: 'Programa de formação Sul-Sul para equipes de governos regionais e locais.',
          en: 'A South-South training programme for teams of regional and local governments.',
        },
      })
    ).id;

  let coursesAdded = 0;
  const activityIds = new Map<string, string[]>();
  const courseIds = new Map<string, string>();
  for (const spec of DEMO_COURSES) {
    const existing = await dataSource.getRepository(Course).findOne({ where: { slug: spec.slug } });
    let courseId = existing?.id;
    if (!courseId) {
      const { publish, modules, ...input } = spec;
      courseId = (await catalog.createCourse({ ...input, programmeId })).id;
      for (const m of modules) {
        const created = await catalog.addModule(courseId, { title: m.title });
        for (const a of m.activities) await catalog.addActivity(created.id, a);
      }
      if (publish) await catalog.setCourseStatus(courseId, 'published');
      coursesAdded += 1;
    }
    courseIds.set(spec.slug, courseId);
    const outline = await catalog.getCourse(courseId);
    activityIds.set(
      spec.slug,
      outline.modules.flatMap((m) =>
        m.activities.filter((a) => ['page', 'file', 'link'].includes(a.kind)).map((a) => a.id),
      ),
    );
  }

  let cohortsAdded = 0;
  for (const spec of DEMO_COHORTS) {
    const courseId = courseIds.get(spec.courseSlug) as string;
    const [found] = (await dataSource.query('SELECT id FROM cohorts WHERE course_id = $1 AND name = $2', [
      courseId,
      spec.name,
    ])) as { id: string }[];
    let cohortId = found?.id;
    if (!cohortId) {
      const created = await cohorts.create(admin, {
        courseId,
        name: spec.name,
        startDate: isoDay(spec.startsIn),
        endDate: isoDay(spec.endsIn),
        timeZone: spec.timeZone,
        capacity: spec.capacity,
        enrolmentMode: spec.enrolmentMode,
        tutorIds: spec.tutors.map((t) => actor(t).id),
      });
      cohortId = created.id;
      cohortsAdded += 1;
    }
    for (const name of spec.enrolled) {
      await ignoreAlreadyEnrolled(() => enrolments.adminEnrol(admin, cohortId, actor(name).id));
    }
    for (const name of spec.requests ?? []) {
      await ignoreAlreadyEnrolled(() => enrolments.selfEnrol(actor(name), cohortId));
    }
    for (const [name, count] of Object.entries(spec.progress ?? {})) {
      const done = (await dataSource.query(
        `SELECT ac.activity_id AS id FROM activity_completions ac JOIN enrolments e ON e.id = ac.enrolment_id WHERE e.cohort_id = $1 AND e.user_id = $2`,
        [cohortId, actor(name).id],
      )) as { id: string }[];
      const already = new Set(done.map((d) => d.id));
      for (const id of (activityIds.get(spec.courseSlug) ?? []).slice(0, count)) {
        if (!already.has(id)) await learning.markDone(actor(name), id);
      }
    }
  }
  console.log(
    `Demo data: ${coursesAdded} courses and ${cohortsAdded} cohorts added (${DEMO_COURSES.length} and ${DEMO_COHORTS.length} in the demo).`,
  );
}

async function ignoreAlreadyEnrolled(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (!(e instanceof AlreadyEnrolledError)) throw e;
  }
}
