import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  type Locale,
  type Page,
  type Role,
  type UpdateProfileRequest,
  type UserView,
} from '@aula/contracts';
import { AppConfig, normaliseEmail, normaliseName, searchKey } from '@aula/server/core';
import { decodeCursor, isPgError, keysetPage, PG } from '@aula/server/database';
import { toUserView, User } from './user.entity';
import { PasswordHasher } from './password.hasher';
import { SessionService, type Actor, type IssuedSession } from './session.service';
import { SignInThrottle } from './sign-in.throttle';
import { EmailTakenError, InvalidCredentialsError, RegistrationClosedError } from './identity.errors';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  roles?: Role[];
  locale?: Locale;
  timeZone?: string;
  country?: string | null;
}

/** What a person may change of their own profile here (their organisation and region live in the directory). */
export type ProfileChange = Pick<UpdateProfileRequest, 'displayName' | 'locale' | 'timeZone' | 'country'>;

/**
 * Work another domain does in the same transaction as the account change (the API composes it:
 * identity knows nothing of the directory). A failure rolls the account change back.
 */
export type WithinAccountChange = (user: User, em: EntityManager) => Promise<void>;

export interface UserQuery {
  q?: string;
  role?: Role;
  limit?: number;
  cursor?: string;
}

/** People: accounts, profiles, sign-in and the administrator's view of them. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  /** Creates an account; used by self-registration, the seed and administrators. */
  async createUser(input: NewUser, within?: WithinAccountChange): Promise<User> {
    const user = this.prepareUser(input, await this.hasher.hash(input.password));
    try {
      return await this.users.manager.transaction(async (em) => {
        const saved = await em.save(user);
        if (within) await within(saved, em);
        return saved;
      });
    } catch (e) {
      if (isPgError(e, PG.uniqueViolation, 'users_email_key')) throw new EmailTakenError();
      throw e;
    }
  }

  /** A new, unsaved account with its text normalised; invitations save it in their own transaction. */
  prepareUser(input: Omit<NewUser, 'password'>, passwordHash: string): User {
    const email = normaliseEmail(input.email);
    const displayName = normaliseName(input.displayName);
    return this.users.create({
      email,
      displayName,
      passwordHash,
      roles: input.roles?.length ? [...new Set(input.roles)] : ['trainee'],
      locale: input.locale ?? 'en',
      timeZone: input.timeZone ?? 'UTC',
      country: input.country?.toUpperCase() ?? null,
      // The free-text organisation and region columns are no longer written: the directory keeps them.
      organisation: null,
      region: null,
      searchText: searchKey(displayName, email),
    });
  }

  async register(input: NewUser, within?: WithinAccountChange): Promise<IssuedSession> {
    if (!this.config.REGISTRATION_ENABLED) throw new RegistrationClosedError();
    const user = await this.createUser({ ...input, roles: ['trainee'] }, within);
    return this.sessions.start(user);
  }

  /** Same answer, and about the same time, for an unknown email and a wrong password. */
  async signIn(rawEmail: string, password: string, address: string): Promise<IssuedSession> {
    const email = normaliseEmail(rawEmail);
    await this.throttle.assertAllowed(email, address);
    const user = await this.users.findOne({ where: { email } });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(email, address);
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(email);
    return this.sessions.start(user);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new NotFoundException('No such user.');
    return user;
  }

  async me(actor: Actor): Promise<UserView> {
    return toUserView(await this.get(actor.id));
  }

  /** `organisation` and `region` are not identity's: the caller hands them to the directory (`within`). */
  async updateProfile(actor: Actor, change: ProfileChange, within?: WithinAccountChange): Promise<UserView> {
    const user = await this.get(actor.id);
    if (change.displayName !== undefined) user.displayName = normaliseName(change.displayName);
    if (change.locale !== undefined) user.locale = change.locale;
    if (change.timeZone !== undefined) user.timeZone = change.timeZone;
    if (change.country !== undefined) user.country = change.country?.toUpperCase() ?? null;
    user.searchText = searchKey(user.displayName, user.email);
    return toUserView(
      await this.users.manager.transaction(async (em) => {
        const saved = await em.save(user);
        if (within) await within(saved, em);
        return saved;
      }),
    );
  }

  /** Ends every other session; the caller continues in a fresh one. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<IssuedSession> {
    const user = await this.get(actor.id);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new BadRequestException({
        message: 'The current password is not correct.',
        errors: [{ path: 'currentPassword', message: 'is not correct' }],
      });
    }
    user.passwordHash = await this.hasher.hash(newPassword);
    user.passwordChangedAt = new Date();
    await this.users.save(user);
    await this.sessions.endAllSessions(user.id);
    return this.sessions.start(user);
  }

  /** Keyset-paginated list ordered by name; `q` matches name or email, accents and case ignored. */
  async list(query: UserQuery): Promise<Page<UserView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.search_text', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1);
    if (query.q) {
      const pattern = `%${searchKey(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('u.search_text LIKE :pattern', { pattern });
    }
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.cursor) {
      const [text, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(u.search_text, u.id) > (:text, :id)', { text, id });
    }
    const rows = await qb.getMany();
    return keysetPage(rows, limit, toUserView, (last) => [last.searchText, last.id]);
  }

  async setRoles(actor: Actor, userId: string, roles: Role[]): Promise<UserView> {
    const user = await this.get(userId);
    if (userId === actor.id && !roles.includes('admin')) {
      throw new BadRequestException({
        message: 'You cannot remove your own administrator role.',
        errors: [{ path: 'roles', message: 'must keep admin for your own account' }],
      });
    }
    user.roles = [...new Set(roles)];
    const saved = await this.users.save(user);
    // Roles travel in access tokens: end sessions so the change takes effect now.
    await this.sessions.endAllSessions(user.id);
    return toUserView(saved);
  }

  async setActive(actor: Actor, userId: string, active: boolean): Promise<UserView> {
    const user = await this.get(userId);
    if (userId === actor.id && !active) {
      throw new BadRequestException({
        message: 'You cannot deactivate your own account.',
        errors: [{ path: 'id', message: 'is your own account' }],
      });
    }
    user.active = active;
    const saved = await this.users.save(user);
    if (!active) await this.sessions.endAllSessions(user.id);
    return toUserView(saved);
  }
}
