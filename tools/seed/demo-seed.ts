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
import { seedDemoCourses } from './demo-courses';
import { seedDemoAssignment } from './demo-assignment';
import { seedDemoQuiz } from './demo-quiz';

/** Every demo account signs in with this password (printed in the README). */
export const DEMO_PASSWORD = 'Aula-demo-2026';

interface DemoPerson {
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  country: string;
  organisation: string;
  region: string;
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
): DemoPerson => ({ email: `${email}@aula.example`, displayName, roles, locale, timeZone, country, region, organisation });

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
  person('andres.ajanel', 'Andrés Ajanel', ['trainee'], 'es', 'America/Guatemala', 'GT', 'Quetzaltenango', 'Mancomunidad Metrópoli de los Altos'),
  person('ana.souza', 'Ana Souza', ['trainee'], 'pt', 'America/Sao_Paulo', 'BR', 'Minas Gerais', 'Secretaria de Planejamento de Minas Gerais'),
  person('thiago.araujo', 'Thiago Araújo', ['trainee'], 'pt', 'America/Sao_Paulo', 'BR', 'Minas Gerais', 'Agência de Desenvolvimento da RMBH'),
  person('minh.nguyen', 'Nguyễn Thị Minh', ['trainee'], 'en', 'Asia/Ho_Chi_Minh', 'VN', 'Mekong Delta', 'Can Tho Planning Institute'),
  person('wang.xiaoming', '王小明', ['trainee'], 'en', 'Asia/Shanghai', 'CN', 'Yunnan', 'Yunnan Development Research Center'),
  person('mohammed.alami', 'محمد العلمي', ['trainee'], 'en', 'Africa/Casablanca', 'MA', 'Souss-Massa', 'Agence Régionale d’Exécution des Projets'),
  person('amara.okafor', 'Amara Okafor', ['trainee'], 'en', 'Africa/Lagos', 'NG', 'Enugu', 'Enugu State Planning Commission'),
];

@Module({ imports: [CoreModule, DatabaseModule, IdentityModule, OutboxModule, StorageModule, EnrolmentModule] })
class SeedModule {}

/** Idempotent: people who already exist are left as they are. */
export async function seedDemoData(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const identity = app.get(IdentityService);
    let created = 0;
    for (const p of DEMO_PEOPLE) {
      try {
        await identity.createUser({ ...p, password: DEMO_PASSWORD });
        created += 1;
      } catch (e) {
        if (!(e instanceof EmailTakenError)) throw e;
      }
    }
    console.log(`Demo data: ${created} people added, ${DEMO_PEOPLE.length - created} already there.`);
    await seedDemoCourses(app);
    await seedDemoAssignment(app);
    await seedDemoQuiz(app);
  } finally {
    await app.close();
  }
}
