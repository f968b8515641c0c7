import { Injectable } from '@nestjs/common';
import type { RegisterRequest, UpdateProfileRequest } from '@aula/contracts';
import {
  DirectoryFieldError,
  FreeTextService,
  MembershipService,
  NetworkProfileService,
} from '@aula/server/directory';
import type { WithinAccountChange } from '@aula/server/identity';

type DirectoryPart = Pick<
  RegisterRequest,
  'organisation' | 'region' | 'institutionId' | 'proposedInstitution' | 'position' | 'regionId'
>;

/**
 * Where a person's account meets the directory: the institution and region picked at
 * registration, and the free text older clients still send as organisation and region. Composed
 * here, in the API, so identity knows nothing of the directory (which builds on identity); the
 * work runs in the account change's transaction, so a refused institution leaves no account behind.
 */
@Injectable()
export class AccountDirectory {
  constructor(
    private readonly memberships: MembershipService,
    private readonly profiles: NetworkProfileService,
    private readonly freeText: FreeTextService,
  ) {}

  /** For registration: 400 naming the field for an unknown institution or region (checked before the account is kept). */
  forRegistration(input: DirectoryPart): WithinAccountChange {
    const institution = input.institutionId !== undefined || input.proposedInstitution !== undefined;
    if (input.position !== undefined && !institution)
      throw new DirectoryFieldError('position', 'needs institutionId or proposedInstitution');
    return async (user, em) => {
      // Typed text first, so what the person picked from the directory has the last word.
      if (input.organisation !== undefined)
        await this.freeText.record(user.id, 'organisation', input.organisation, em);
      if (input.region !== undefined) await this.freeText.record(user.id, 'region', input.region, em);
      if (institution)
        await this.memberships.add(
          user.id,
          {
            institutionId: input.institutionId,
            proposedInstitution: input.proposedInstitution,
            position: input.position,
          },
          em,
        );
      if (input.regionId !== undefined) await this.profiles.setRegion(user.id, input.regionId, em);
    };
  }

  /** For the profile form of older clients: organisation and region text go to the directory, not to the account. */
  forProfile(change: Pick<UpdateProfileRequest, 'organisation' | 'region'>): WithinAccountChange | undefined {
    if (change.organisation === undefined && change.region === undefined) return undefined;
    return async (user, em) => {
      if (change.organisation !== undefined)
        await this.freeText.record(user.id, 'organisation', change.organisation, em);
      if (change.region !== undefined) await this.freeText.record(user.id, 'region', change.region, em);
    };
  }
}
