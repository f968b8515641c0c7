import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

export type DirectoryRecord = 'region' | 'institution' | 'membership' | 'person' | 'photo' | 'profile';

/** Absent, or not visible to the reader: the same answer, so ids cannot be probed. */
export class DirectoryNotFoundError extends NotFoundException {
  constructor(what: DirectoryRecord) {
    super(what === 'photo' ? 'This person shows no photo.' : `No such ${what}.`);
  }
}

/** A 400 naming the field, for rules checked in the domain (codes, relationships, references). */
export class DirectoryFieldError extends BadRequestException {
  constructor(path: string, message: string, detail?: string) {
    super({ message: detail ?? `${path} ${message}.`, errors: [{ path, message }] });
  }
}

export class RegionSlugTakenError extends ConflictException {
  constructor() {
    super({
      message: 'Another region already uses this slug.',
      errors: [{ path: 'slug', message: 'is already in use' }],
    });
  }
}

/** A ROR id, org-id or Wikidata item already belongs to another institution. */
export class IdentifierTakenError extends ConflictException {
  constructor(field: 'ror' | 'orgId' | 'wikidata') {
    super({
      message: `Another institution already has this ${field === 'ror' ? 'ROR id' : field === 'orgId' ? 'organisation identifier' : 'Wikidata item'}.`,
      errors: [{ path: `identifiers.${field}`, message: 'belongs to another institution' }],
    });
  }
}

/**
 * A delete refused because other records point at this one: what points at it and how many
 * (`references`, an extension member of the problem details), and what to do instead.
 */
export class StillReferencedError extends ConflictException {
  constructor(
    what: 'region' | 'institution',
    readonly references: Record<string, number>,
  ) {
    const list = Object.entries(references)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    super({
      message:
        what === 'institution'
          ? `Other records refer to this institution (${list}). Archive it instead, or merge it into another.`
          : `Other records refer to this region (${list}). Move them to another region first.`,
      extensions: { references },
    });
  }
}
