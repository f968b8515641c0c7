import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrolmentPolicy } from '@aula/server/enrolment';
import { AccessPolicy, type Actor } from '@aula/server/identity';

/**
 * Who may do what with certificates:
 * - issue, revoke, re-issue: administrators (403 for anyone else);
 * - a certificate's PDF: its holder, the tutors of its cohort and administrators; for anyone else
 *   it does not exist (404);
 * - a cohort's list and ZIP: the cohort's tutors and administrators;
 * - verification by code: anyone, and only what the paper shows.
 */
@Injectable()
export class CertificationPolicy {
  constructor(private readonly enrolments: EnrolmentPolicy) {}

  assertCanIssue(actor: Actor): void {
    AccessPolicy.assertRole(actor, 'admin');
  }

  async assertCanSee(
    actor: Actor,
    certificate: { userId: string; cohortId: string },
    em?: EntityManager,
  ): Promise<void> {
    await this.enrolments.assertCanSeeEnrolment(actor, certificate, em);
  }

  async assertCanManageCohort(actor: Actor, cohortId: string, em?: EntityManager): Promise<void> {
    await this.enrolments.assertCanManageCohort(actor, cohortId, em);
  }
}
