import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Translations,
  WorkshopInput,
  WorkshopRegistrationStatus,
  WorkshopSessionInput,
  WorkshopStatus,
} from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { InstitutionService, Region } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import {
  RegistrationService,
  Workshop,
  WorkshopOrganiserService,
  WorkshopService,
  WorkshopSessionService,
} from '@aula/server/workshops';

/**
 * The demo workshops, made through the workshop services so seats, arrival numbers and outbox
 * events are what the platform itself would have written:
 * - an interregional workshop hosted by ILPES in Concepción (hybrid, by application, 40 seats and
 *   two per country) with the five Latin American regions and the partners: most applicants
 *   confirmed, a third Brazilian on the waiting list (Brazil's two seats are taken), one
 *   application still waiting for the organiser;
 * - a region-specific workshop in Quetzaltenango, in person, open registration, in three weeks;
 * - a region-specific workshop in Belo Horizonte five weeks ago, taken through its lifecycle to
 *   `held`, its two participants registered before it began.
 * Dates are relative to the day of seeding. Idempotent: workshops are found by slug; a person who
 * has a registration keeps it; only a pending application the demo approves is approved.
 */

type Day = number;

interface DemoSession {
  title: Translations;
  description?: Translations;
  /** Days after the first day, and local wall-clock times (HH:MM) in the workshop's time zone. */
  day: Day;
  from: string;
  to: string;
  room?: string;
  link?: string;
  /** Demo people (the part of the e-mail before @) or names as typed. */
  speakers?: ({ person: string } | { name: string })[];
}

interface DemoRegistration {
  person: string;
  motivation?: string;
  /** What the demo leaves: `pending` (not reviewed), or approved (a seat, or the waiting list when none is free). */
  approve?: boolean;
  /** The registration's status once seeded, checked by the spec. */
  expect: WorkshopRegistrationStatus;
}

export interface DemoWorkshop {
  input: Omit<
    WorkshopInput,
    | 'hostInstitutionId'
    | 'hostRegionId'
    | 'participatingRegionIds'
    | 'startDate'
    | 'endDate'
    | 'registrationClosesAt'
  >;
  /** Official name and country of the host institution in the demo directory. */
  host: { name: string; country: string };
  hostRegion: string;
  regions: string[];
  /** First day, in days from the seeding day; the workshop lasts `days` days. */
  startsIn: Day;
  days: number;
  /** Registration closes this many days before the first day (at midnight UTC); absent: when it begins. */
  closesDaysBefore?: number;
  sessions: DemoSession[];
  registrations: DemoRegistration[];
  /** Registrations are made this many days before the first day (a past workshop's were). */
  registeredDaysBefore?: number;
  status: WorkshopStatus;
  /** Demo people granted the organiser capability for this workshop (administrators have it anyway). */
  organisers?: string[];
}

const LIFECYCLE: WorkshopStatus[] = ['draft', 'published', 'registration-closed', 'in-progress', 'held'];

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    input: {
      slug: 'regional-development-planning-exchange',
      kind: 'interregional',
      defaultLocale: 'es',
      title: {
        es: 'Planificación del desarrollo regional: intercambio de experiencias',
        en: 'Regional development planning: exchanging experiences',
        pt: 'Planejamento do desenvolvimento regional: intercâmbio de experiências',
      },
      summary: {
        es: 'Tres días para que las regiones del programa comparen cómo planifican, financian y dan seguimiento a sus estrategias de desarrollo, y acuerden una agenda de cooperación técnica.',
        en: 'Three days for the programme’s regions to compare how they plan, finance and follow up their development strategies, and to agree on an agenda of technical cooperation.',
        pt: 'Três dias para que as regiões do programa comparem como planejam, financiam e acompanham suas estratégias de desenvolvimento e acordem uma agenda de cooperação técnica.',
      },
      objectives: {
        es: 'Intercambiar experiencias y lecciones sobre los instrumentos de planificación regional.\nIdentificar las demandas y prioridades de cada región.\nDefinir ofertas y solicitudes de cooperación técnica entre regiones.',
        en: 'Exchange experiences and lessons on the instruments of regional planning.\nIdentify each region’s demands and priorities.\nDefine offers and requests of technical cooperation between regions.',
        pt: 'Trocar experiências e lições sobre os instrumentos de planejamento regional.\nIdentificar as demandas e prioridades de cada região.\nDefinir ofertas e pedidos de cooperação técnica entre regiões.',
      },
      format: 'hybrid',
      venue: { address: 'Víctor Lamas 1290, Casa del Arte', city: 'Concepción', country: 'CL' },
      onlineUrl: 'https://meet.aula.example/intercambio-regional',
      timeZone: 'America/Santiago',
      expectedHours: 14,
      capacity: 40,
      countryQuota: 2,
      registrationMode: 'application',
    },
    host: {
      name: 'Instituto Latinoamericano y del Caribe de Planificación Económica y Social',
      country: 'CL',
    },
    hostRegion: 'biobio',
    regions: [
      'bogota-cundinamarca',
      'cordoba',
      'biobio',
      'quetzaltenango',
      'minas-gerais',
      'mekong-delta',
      'yunnan',
      'souss-massa',
      'enugu',
    ],
    startsIn: 40,
    days: 3,
    closesDaysBefore: 10,
    sessions: [
      {
        title: {
          es: 'Apertura: la planificación regional en América Latina hoy',
          en: 'Opening: regional planning in Latin America today',
          pt: 'Abertura: o planejamento regional na América Latina hoje',
        },
        description: {
          es: 'Panorama de los sistemas de planificación de la región y presentación de las delegaciones.',
          en: 'An overview of the region’s planning systems, and the delegations introduce themselves.',
          pt: 'Panorama dos sistemas de planejamento da região e apresentação das delegações.',
        },
        day: 0,
        from: '09:00',
        to: '12:30',
        room: 'Auditorio',
        speakers: [{ name: 'Equipo ILPES' }, { person: 'admin' }],
      },
      {
        title: {
          es: 'Experiencias regionales: estrategias de desarrollo y su seguimiento',
          en: 'Regional experiences: development strategies and how they are followed up',
          pt: 'Experiências regionais: estratégias de desenvolvimento e seu acompanhamento',
        },
        description: {
          es: 'Cada región presenta su instrumento de planificación, sus indicadores y una lección aprendida.',
          en: 'Each region presents its planning instrument, its indicators and one lesson learned.',
          pt: 'Cada região apresenta seu instrumento de planejamento, seus indicadores e uma lição aprendida.',
        },
        day: 0,
        from: '14:00',
        to: '17:30',
        room: 'Auditorio',
        speakers: [{ person: 'lucia.fernandez' }, { person: 'joao.conceicao' }],
      },
      {
        title: {
          es: 'Financiar los planes: presupuesto regionalizado y fondos de inversión',
          en: 'Financing the plans: regionalised budgets and investment funds',
          pt: 'Financiar os planos: orçamento regionalizado e fundos de investimento',
        },
        day: 1,
        from: '09:00',
        to: '12:30',
        room: 'Sala 2',
        speakers: [{ name: 'Gobierno Regional del Biobío' }],
      },
      {
        title: {
          es: 'Agenda de cooperación: demandas, ofertas y próximos pasos',
          en: 'Cooperation agenda: demands, offers and next steps',
          pt: 'Agenda de cooperação: demandas, ofertas e próximos passos',
        },
        description: {
          es: 'Trabajo en grupos por tema y plenaria de cierre con los compromisos de cada región.',
          en: 'Group work by topic, and a closing plenary with each region’s commitments.',
          pt: 'Trabalho em grupos por tema e plenária de encerramento com os compromissos de cada região.',
        },
        day: 2,
        from: '09:00',
        to: '12:00',
        room: 'Auditorio',
      },
    ],
    registrations: [
      {
        person: 'ignacio.munoz',
        approve: true,
        expect: 'confirmed',
        motivation:
          'Coordino la actualización de la Estrategia Regional de Desarrollo del Biobío y quiero comparar nuestro sistema de seguimiento con el de otras regiones.',
      },
      {
        person: 'valentina.rios',
        approve: true,
        expect: 'confirmed',
        motivation: 'Investigo indicadores de desarrollo territorial en el Gran Concepción.',
      },
      {
        person: 'jose.nunez',
        approve: true,
        expect: 'confirmed',
        motivation: 'Quiero conocer cómo otras regiones vinculan su plan con el presupuesto.',
      },
      {
        person: 'martin.quiroga',
        approve: true,
        expect: 'confirmed',
        motivation: 'Córdoba está revisando su plan estratégico provincial con los municipios.',
      },
      {
        person: 'maria.xiloj',
        approve: true,
        expect: 'confirmed',
        motivation: 'La mancomunidad necesita ejemplos de planificación intermunicipal.',
      },
      {
        person: 'ana.souza',
        approve: true,
        expect: 'confirmed',
        motivation:
          'Acompanho a regionalização do PPAG de Minas Gerais e quero trocar experiências sobre monitoramento.',
      },
      {
        person: 'thiago.araujo',
        approve: true,
        expect: 'confirmed',
        motivation: 'Trabalho com o plano metropolitano da RMBH.',
      },
      {
        person: 'minh.nguyen',
        approve: true,
        expect: 'confirmed',
        motivation:
          'The Mekong Delta plan must adapt to floods and salinity; I want to learn how others plan for climate risk.',
      },
      // Brazil's two seats are taken: approved onto the waiting list.
      {
        person: 'joao.conceicao',
        approve: true,
        expect: 'waitlisted',
        motivation:
          'Ensino planejamento regional na Fundação João Pinheiro e gostaria de levar os casos para o curso.',
      },
      {
        person: 'amara.okafor',
        expect: 'pending',
        motivation: 'Enugu is preparing its next state development plan with the local government areas.',
      },
    ],
    status: 'published',
    organisers: ['lucia.fernandez'],
  },
  {
    input: {
      slug: 'quetzaltenango-municipal-planning',
      kind: 'region-specific',
      defaultLocale: 'es',
      title: {
        es: 'Del diagnóstico al plan: planificación municipal en la Mancomunidad Metrópoli de los Altos',
        en: 'From diagnosis to plan: municipal planning in the Mancomunidad Metrópoli de los Altos',
        pt: 'Do diagnóstico ao plano: planejamento municipal na Mancomunidad Metrópoli de los Altos',
      },
      summary: {
        es: 'Taller presencial para los equipos técnicos municipales de Quetzaltenango: ordenar las prioridades del diagnóstico y convertirlas en un plan de acción.',
        en: 'An in-person workshop for the municipal technical teams of Quetzaltenango: ranking the priorities of the diagnosis and turning them into an action plan.',
        pt: 'Oficina presencial para as equipes técnicas municipais de Quetzaltenango: ordenar as prioridades do diagnóstico e transformá-las em um plano de ação.',
      },
      objectives: {
        es: 'Priorizar los problemas identificados en el diagnóstico territorial.\nRedactar un plan de acción con responsables, plazos e indicadores.',
        en: 'Rank the problems identified in the territorial diagnosis.\nDraft an action plan with owners, deadlines and indicators.',
        pt: 'Priorizar os problemas identificados no diagnóstico territorial.\nRedigir um plano de ação com responsáveis, prazos e indicadores.',
      },
      format: 'in-person',
      venue: { address: '4a Calle 11-38, Zona 1', city: 'Quetzaltenango', country: 'GT' },
      timeZone: 'America/Guatemala',
      expectedHours: 10,
      capacity: 30,
      registrationMode: 'open',
    },
    host: { name: 'Mancomunidad Metrópoli de los Altos', country: 'GT' },
    hostRegion: 'quetzaltenango',
    regions: ['quetzaltenango'],
    startsIn: 21,
    days: 2,
    sessions: [
      {
        title: {
          es: 'Priorización del diagnóstico territorial',
          en: 'Ranking the territorial diagnosis',
          pt: 'Priorização do diagnóstico territorial',
        },
        day: 0,
        from: '08:30',
        to: '12:30',
        room: 'Salón municipal',
        speakers: [{ person: 'lucia.fernandez' }],
      },
      {
        title: {
          es: 'Plan de acción: responsables, plazos e indicadores',
          en: 'Action plan: owners, deadlines and indicators',
          pt: 'Plano de ação: responsáveis, prazos e indicadores',
        },
        day: 0,
        from: '14:00',
        to: '17:00',
        room: 'Salón municipal',
      },
      {
        title: {
          es: 'Validación con el Consejo Municipal de Desarrollo',
          en: 'Validation with the Municipal Development Council',
          pt: 'Validação com o Conselho Municipal de Desenvolvimento',
        },
        day: 1,
        from: '09:00',
        to: '12:00',
        room: 'Salón municipal',
        speakers: [{ name: 'Consejo Municipal de Desarrollo de Quetzaltenango' }],
      },
    ],
    registrations: [
      { person: 'maria.xiloj', expect: 'confirmed' },
      {
        person: 'andres.ajanel',
        expect: 'confirmed',
        motivation: 'Soy técnico de la mancomunidad y acompaño el plan de San Juan Ostuncalco.',
      },
    ],
    status: 'published',
  },
  {
    input: {
      slug: 'minas-gerais-regionalised-budget',
      kind: 'region-specific',
      defaultLocale: 'pt',
      title: {
        pt: 'Orçamento regionalizado: do PPAG às prioridades dos territórios',
        es: 'Presupuesto regionalizado: del PPAG a las prioridades de los territorios',
        en: 'Regionalised budgeting: from the multi-year plan to the territories’ priorities',
      },
      summary: {
        pt: 'Oficina com as equipes da Secretaria de Planejamento e da Agência da RMBH sobre como as prioridades dos territórios entram no plano plurianual.',
        es: 'Taller con los equipos de la Secretaría de Planeamiento y de la Agencia de la RMBH sobre cómo las prioridades de los territorios entran en el plan plurianual.',
        en: 'A workshop with the teams of the Planning Secretariat and the RMBH agency on how the territories’ priorities enter the multi-year plan.',
      },
      format: 'in-person',
      venue: { address: 'Alameda das Acácias, 70 – São Luiz', city: 'Belo Horizonte', country: 'BR' },
      timeZone: 'America/Sao_Paulo',
      expectedHours: 6,
      capacity: 25,
      registrationMode: 'open',
    },
    host: { name: 'Fundação João Pinheiro', country: 'BR' },
    hostRegion: 'minas-gerais',
    regions: ['minas-gerais'],
    startsIn: -35,
    days: 1,
    registeredDaysBefore: 20,
    sessions: [
      {
        title: {
          pt: 'Os territórios no PPAG',
          es: 'Los territorios en el PPAG',
          en: 'The territories in the multi-year plan',
        },
        day: 0,
        from: '09:00',
        to: '12:00',
        room: 'Auditório FJP',
        speakers: [{ person: 'joao.conceicao' }],
      },
      {
        title: {
          pt: 'Exercício: priorizar investimentos',
          es: 'Ejercicio: priorizar inversiones',
          en: 'Exercise: ranking investments',
        },
        day: 0,
        from: '13:30',
        to: '16:30',
        room: 'Auditório FJP',
      },
    ],
    registrations: [
      { person: 'ana.souza', expect: 'confirmed' },
      { person: 'thiago.araujo', expect: 'confirmed' },
    ],
    status: 'held',
  },
];

const DAY_MS = 86_400_000;
const isoDay = (days: number, from = Date.now()) => new Date(from + days * DAY_MS).toISOString().slice(0, 10);

/** The instant of a wall-clock time (YYYY-MM-DD, HH:MM) in a time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  // Twice: the offset at the guess may differ from the offset at the answer across a change of time.
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant);
}

const email = (person: string) => `${person}@aula.example`;

export async function seedDemoWorkshops(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const institutions = app.get(InstitutionService);
  const workshops = app.get(WorkshopService);
  const sessions = app.get(WorkshopSessionService);
  const organisers = app.get(WorkshopOrganiserService);
  const registrations = app.get(RegistrationService);

  const rows = (await dataSource.query(
    'SELECT id, email, roles::text[] AS roles FROM users WHERE email LIKE $1',
    ['%@aula.example'],
  )) as { id: string; email: string; roles: Actor['roles'] }[];
  const people = new Map(
    rows.map((r) => [r.email, { id: r.id, roles: r.roles, sid: 'demo-seed' } satisfies Actor]),
  );
  const actor = (person: string): Actor => {
    const found = people.get(email(person));
    if (!found) throw new Error(`Demo person ${person} is missing; seed people first.`);
    return found;
  };
  const admin = actor('admin');
  const regionId = async (slug: string) => {
    const region = await dataSource.getRepository(Region).findOne({ where: { slug } });
    if (!region) throw new Error(`Demo region ${slug} is missing; seed the directory first.`);
    return region.id;
  };

  let workshopsAdded = 0;
  let sessionsAdded = 0;
  let registrationsAdded = 0;
  for (const spec of DEMO_WORKSHOPS) {
    let workshop = await dataSource.getRepository(Workshop).findOne({ where: { slug: spec.input.slug } });
    if (!workshop) {
      const host = await institutions.findByExactName(searchKey(spec.host.name), spec.host.country, [
        'active',
      ]);
      if (!host)
        throw new Error(`Demo institution "${spec.host.name}" is missing; seed the directory first.`);
      const startDate = isoDay(spec.startsIn);
      const created = await workshops.create(admin, {
        ...spec.input,
        hostInstitutionId: host.id,
        hostRegionId: await regionId(spec.hostRegion),
        participatingRegionIds: await Promise.all(spec.regions.map(regionId)),
        startDate,
        endDate: isoDay(spec.startsIn + spec.days - 1),
        registrationClosesAt:
          spec.closesDaysBefore === undefined
            ? null
            : `${isoDay(spec.startsIn - spec.closesDaysBefore)}T00:00:00.000Z`,
      });
      for (const s of spec.sessions) {
        const date = isoDay(s.day, Date.parse(`${startDate}T12:00:00Z`));
        const input: WorkshopSessionInput = {
          title: s.title,
          description: s.description,
          room: s.room ?? null,
          link: s.link ?? null,
          speakers: (s.speakers ?? []).map((sp) =>
            'person' in sp ? { userId: actor(sp.person).id } : { name: sp.name },
          ),
          startsAt: zonedInstant(date, s.from, spec.input.timeZone).toISOString(),
          endsAt: zonedInstant(date, s.to, spec.input.timeZone).toISOString(),
        };
        await sessions.add(admin, created.id, input);
        sessionsAdded += 1;
      }
      workshopsAdded += 1;
      workshop = (await dataSource
        .getRepository(Workshop)
        .findOne({ where: { id: created.id } })) as Workshop;
    }
    const id = workshop.id;
    const moveTo = async (target: WorkshopStatus) => {
      const current =
        (await dataSource.getRepository(Workshop).findOne({ where: { id } }))?.status ?? 'draft';
      for (const step of LIFECYCLE.slice(LIFECYCLE.indexOf(current) + 1, LIFECYCLE.indexOf(target) + 1))
        await workshops.setStatus(admin, id, { to: step });
    };
    await moveTo('published');

    for (const person of spec.organisers ?? []) await organisers.grant(admin, id, actor(person).id);

    // Registrations are taken while the workshop is published; a past one's were made before it began.
    const status = (await dataSource.getRepository(Workshop).findOne({ where: { id } }))?.status;
    const when =
      spec.registeredDaysBefore === undefined
        ? new Date()
        : new Date(Date.parse(`${workshop.startDate}T12:00:00Z`) - spec.registeredDaysBefore * DAY_MS);
    for (const r of spec.registrations) {
      const who = actor(r.person);
      const [existing] = (await dataSource.query(
        'SELECT id, status FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2',
        [id, who.id],
      )) as { id: string; status: WorkshopRegistrationStatus }[];
      let registration = existing;
      if (!registration) {
        if (status !== 'published') continue;
        registration = await registrations.register(
          who,
          spec.input.slug,
          r.motivation ? { motivation: r.motivation } : {},
          when,
        );
        registrationsAdded += 1;
      }
      if (r.approve && registration.status === 'pending') await registrations.approve(admin, registration.id);
    }

    await moveTo(spec.status);
  }
  console.log(
    `Demo data: ${workshopsAdded} workshops with ${sessionsAdded} sessions and ${registrationsAdded} registrations added ` +
      `(${DEMO_WORKSHOPS.length} workshops in the demo).`,
  );
}
