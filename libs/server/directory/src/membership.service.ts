import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isISO8601 } from 'class-validator';
import { EntityManager, In, Repository } from 'typeorm';
import {
  DIRECTORY_LIMITS,
  type Locale,
  type MembershipInput,
  type MembershipUpdate,
  type MembershipView,
} from '@aula/contracts';
import { isPgError, PG } from '@aula/server/database';
import { DirectoryFieldError, DirectoryNotFoundError } from './directory.errors';
import { cleanLine } from './directory-text';
import { isCurrentMembership, todayIso, toInstitutionRef, toMembershipView } from './directory.views';
import { Institution } from './institution.entity';
import { InstitutionService } from './institution.service';
import { Membership } from './membership.entity';
import { NetworkProfile } from './network-profile.entity';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true });

function checkDate(value: string | null | undefined, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isDate(value))
    throw new DirectoryFieldError(path, 'must be a date (YYYY-MM-DD)');
  return value;
}

/**
 * People at institutions: a person's own memberships (position and dates), and those an
 * administrator records for them. One membership per person and institution.
 */
@Injectable()
export class MembershipService {
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly institutions: InstitutionService,
  ) {}

  /** The person's memberships: current ones first, then by start date, latest first. */
  async listForUser(
    userId: string,
    locale: Locale | null,
    em: EntityManager = this.memberships.manager,
  ): Promise<MembershipView[]> {
    const rows = await em.find(Membership, { where: { userId }, relations: { institution: true } });
    const today = todayIso();
    return rows
      .sort(
        (a, b) =>
          Number(isCurrentMembership(b, today)) - Number(isCurrentMembership(a, today)) ||
          (b.startedOn ?? '').localeCompare(a.startedOn ?? '') ||
          a.createdAt.getTime() - b.createdAt.getTime(),
      )
      .map((m) => toMembershipView(m, toInstitutionRef(m.institution as Institution, locale), today));
  }

  /**
   * The person at an institution of the directory (active, or pending) or at a proposed one (a
   * pending institution, or the existing one of that name). Adding an institution the person
   * already belongs to changes that membership's position and dates instead.
   */
  async add(userId: string, input: MembershipInput, manager?: EntityManager): Promise<MembershipView> {
    const work = async (em: EntityManager): Promise<MembershipView> => {
      if (!!input.institutionId === !!input.proposedInstitution)
        throw new DirectoryFieldError(
          'institutionId',
          'give either an institution of the directory or a proposed one',
          'Give either institutionId or proposedInstitution.',
        );
      const position = this.position(input.position);
      const startedOn = checkDate(input.startedOn, 'startedOn');
      const endedOn = checkDate(input.endedOn, 'endedOn');
      this.checkOrder(startedOn, endedOn);
      let institution: Institution | null;
      if (input.institutionId) {
        institution = await em.findOne(Institution, { where: { id: input.institutionId } });
        if (!institution || institution.status === 'archived')
          throw new DirectoryFieldError(
            'institutionId',
            institution ? 'is archived' : 'is not a known institution',
          );
      } else {
        institution = await this.institutions.propose(
          input.proposedInstitution as NonNullable<MembershipInput['proposedInstitution']>,
          userId,
          em,
        );
      }
      // One membership per person and institution: a person's additions apply one after the other.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:directory-membership'), hashtext($1))`, [
        userId,
      ]);
      const existing = await em.findOne(Membership, { where: { userId, institutionId: institution.id } });
      const membership = existing ?? em.create(Membership, { userId, institutionId: institution.id });
      if (!existing || input.position !== undefined) membership.position = position;
      if (!existing || input.startedOn !== undefined) membership.startedOn = startedOn;
      if (!existing || input.endedOn !== undefined) membership.endedOn = endedOn;
      this.checkOrder(membership.startedOn, membership.endedOn);
      let saved: Membership;
      try {
        saved = await em.save(membership);
      } catch (e) {
        if (isPgError(e, PG.foreignKeyViolation, 'memberships_user_id_fkey'))
          throw new DirectoryNotFoundError('person');
        throw e;
      }
      return toMembershipView(saved, toInstitutionRef(institution, null));
    };
    return manager ? work(manager) : this.memberships.manager.transaction(work);
  }

  /** The person's own membership; 404 for anyone else's. */
  async update(
    userId: string,
    id: string,
    change: MembershipUpdate,
    locale: Locale | null,
  ): Promise<MembershipView> {
    const membership = await this.memberships.findOne({
      where: { id, userId },
      relations: { institution: true },
    });
    if (!membership) throw new DirectoryNotFoundError('membership');
    if (change.position !== undefined) membership.position = this.position(change.position);
    if (change.startedOn !== undefined) membership.startedOn = checkDate(change.startedOn, 'startedOn');
    if (change.endedOn !== undefined) membership.endedOn = checkDate(change.endedOn, 'endedOn');
    this.checkOrder(membership.startedOn, membership.endedOn);
    const saved = await this.memberships.save(membership);
    return toMembershipView(saved, toInstitutionRef(membership.institution as Institution, locale));
  }

  /** Removes the person's own membership (404 for anyone else's); their profile stops showing that institution. */
  async remove(userId: string, id: string): Promise<void> {
    await this.memberships.manager.transaction(async (em) => {
      const membership = await em.findOne(Membership, { where: { id, userId } });
      if (!membership) throw new DirectoryNotFoundError('membership');
      await em.delete(Membership, { id });
      await em.update(
        NetworkProfile,
        { userId, institutionId: membership.institutionId },
        { institutionId: null },
      );
    });
  }

  /** Which of `institutionIds` the person currently belongs to. */
  async currentInstitutionIds(
    userId: string,
    institutionIds: string[],
    em: EntityManager = this.memberships.manager,
  ): Promise<string[]> {
    if (institutionIds.length === 0) return [];
    const rows = await em.find(Membership, { where: { userId, institutionId: In(institutionIds) } });
    const today = todayIso();
    return rows.filter((m) => isCurrentMembership(m, today)).map((m) => m.institutionId);
  }

  private position(value: string | null | undefined): string | null {
    if (value === undefined || value === null) return null;
    const position = typeof value === 'string' ? cleanLine(value) : undefined;
    if (position === undefined || (position && position.length > DIRECTORY_LIMITS.position))
      throw new DirectoryFieldError('position', `must be at most ${DIRECTORY_LIMITS.position} characters`);
    return position;
  }

  private checkOrder(startedOn: string | null, endedOn: string | null): void {
    if (startedOn && endedOn && endedOn < startedOn)
      throw new DirectoryFieldError('endedOn', 'must not be before startedOn');
  }
}
