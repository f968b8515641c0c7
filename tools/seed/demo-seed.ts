import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Locale, Role } from '@aula/contracts';
import { CoreModule } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { EmailTakenError, IdentityModule, IdentityService } from '@aula/server/identity';
import { EnrolmentModule } from '@aula/server/enrolment';
import { OutboxModule } from '@aula/server/outbox';
import { StorageModule } from '@aula/server/storage';
import { DirectoryModule, FreeTextService } from '@aula/server/directory';
import { WorkshopsModule } from '@aula/server/workshops';
import { seedDemoCourses } from './demo-courses';
import { seedDemoAssignment } from './demo-assignment';
import { seedDemoQuiz } from './demo-quiz';
import { seedDemoDirectory } from './demo-directory';
import { seedDemoWorkshops } from './demo-workshops';

/** Every demo account signs in with this password (printed in the README). */
export const DEMO_PASSWORD = 'Aula-demo-2026';

interface DemoPerson {
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  country: string;
  /** The person's institution: an official name of the directory's demo institutions. */
  organisation: string;
  /** The person's region: a name of a demo region. */
  region: string;
  /**
   * What the person once typed in the old free-text fields, when it is not the directory's name:
   * such values wait on the administrators' reconciliation screen.
   */
  typed?: { organisation?: string; region?: string };
}

const person = (
  email: string,
  displayName: string,
  roles: Role[],
  locale: Locale,
  timeZone: string,
  country: string,
  region: string,
  organisation: string,
  typed?: DemoPerson['typed'],
): DemoPerson => ({ email: `${email}@aula.example`, displayName, roles, locale, timeZone, country, region, organisation, typed });

/** The programme's people: staff, and trainees from the five Latin American regions and partners. */
export const DEMO_PEOPLE: DemoPerson[] = [
  person('admin', 'Mariana Gómez', ['admin'], 'es', 'America/Bogota', 'CO', 'Bogotá-Cundinamarca', 'Secretaría del Programa'),
  person('lucia.fernandez', 'Lucía Fernández', ['tutor'], 'es', 'America/Argentina/Cordoba', 'AR', 'Córdoba', 'Universidad Nacional de Córdoba'),
  person('joao.conceicao', 'João Conceição', ['tutor'], 'pt', 'America/Sao_Paulo', 'BR', 'Minas Gerais', 'Fundação João Pinheiro'),
  person('jose.nunez', 'José Ñúñez', ['trainee'], 'es', 'America/Bogota', 'CO', 'Bogotá-Cundinamarca', 'Gobernación de Cundinamarca'),
  person('camila.restrepo', 'Camila Restrepo Peña', ['trainee'], 'es', 'America/Bogota', 'CO', 'Bogotá-Cundinamarca', 'Región Administrativa y de Planeación Especial'),
  person('martin.quiroga', 'Martín Quiroga', ['trainee'], 'es', 'America/Argentina/Cordoba', 'AR', 'Córdoba', 'Ministerio de Planeamiento de Córdoba'),
  person('ignacio.munoz', 'Ignacio Muñoz Sepúlveda', ['trainee'], 'es', 'America/Santiago', 'CL', 'Biobío', 'Gobierno Regional del Biobío'),
  person('valentina.rios', 'Valentina Ríos', ['trainee'], 'es', 'America/Santiago', 'CL', 'Biobío', 'Universidad de Concepción'),
  person('maria.xiloj', 'María Xiloj Tzul', ['trainee'], 'es', 'America/Guatemala', 'GT', 'Quetzaltenango', 'Municipalidad de Quetzaltenango'),
  person('andres.ajanel', 'Andrés Ajanel', ['trainee'], 'es', 'America/Guatemala', 'GT', 'Quetzaltenango', 'Mancomunidad Metrópoli de los Altos', { organisation: 'Mancomunidad Metropoli Altos' }),
  person('ana.souza', 'Ana Souza', ['trainee'], 'pt', 'America/Sao_Paulo', 'BR', 'Minas Gerais', 'Secretaria de Planejamento de Minas Gerais'),
  person('thiago.araujo', 'Thiago Araújo', ['trainee'], 'pt', 'America/Sao_Paulo', 'BR', 'Minas Gerais', 'Agência de Desenvolvimento da RMBH', { organisation: 'Agência Metropolitana de BH' }),
  person('minh.nguyen', 'Nguyễn Thị Minh', ['trainee'], 'en', 'Asia/Ho_Chi_Minh', 'VN', 'Mekong Delta', 'Can Tho Planning Institute', { region: 'Đồng bằng sông Cửu Long' }),
  person('wang.xiaoming', '王小明', ['trainee'], 'en', 'Asia/Shanghai', 'CN', 'Yunnan', 'Yunnan Development Research Center'),
  person('mohammed.alami', 'محمد العلمي', ['trainee'], 'en', 'Africa/Casablanca', 'MA', 'Souss-Massa', 'Agence Régionale d’Exécution des Projets'),
  person('amara.okafor', 'Amara Okafor', ['trainee'], 'en', 'Africa/Lagos', 'NG', 'Enugu', 'Enugu State Planning Commission', { organisation: 'Enugu State Planning Commision' }),
];

@Module({
  imports: [CoreModule, DatabaseModule, IdentityModule, OutboxModule, StorageModule, EnrolmentModule, DirectoryModule, WorkshopsModule],
})
class SeedModule {}

/**
 * Idempotent: people who already exist are left as they are. A new person's organisation and
 * region are kept as free text, as registration from an older client keeps them: the directory
 * matches them to its records (those it has already, and those the directory seed adds next).
 */
export async function seedDemoData(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const identity = app.get(IdentityService);
    const freeText = app.get(FreeTextService);
    let created = 0;
    for (const p of DEMO_PEOPLE) {
      const { email, displayName, roles, locale, timeZone, country } = p;
      try {
        await identity.createUser(
          { email, displayName, roles, locale, timeZone, country, password: DEMO_PASSWORD },
          async (user, em) => {
            await freeText.record(user.id, 'organisation', p.typed?.organisation ?? p.organisation, em);
            await freeText.record(user.id, 'region', p.typed?.region ?? p.region, em);
          },
        );
        created += 1;
      } catch (e) {
        if (!(e instanceof EmailTakenError)) throw e;
      }
    }
    console.log(`Demo data: ${created} people added, ${DEMO_PEOPLE.length - created} already there.`);
    await seedDemoCourses(app);
    await seedDemoAssignment(app);
    await seedDemoQuiz(app);
    await seedDemoDirectory(app, DEMO_PEOPLE);
    await seedDemoWorkshops(app);
  } finally {
    await app.close();
  }
}
