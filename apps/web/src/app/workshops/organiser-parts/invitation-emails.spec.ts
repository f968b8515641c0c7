import { describe, expect, it } from 'vitest';
import { parseEmails } from './invitation-emails';

describe('parseEmails', () => {
  it('takes addresses separated by lines, commas or semicolons, once each, and names the bad ones', () => {
    expect(
      parseEmails('ana@example.org, BEN@example.org\n<ben@example.org>; not-an-address  chen@example.cn'),
    ).toEqual({
      emails: ['ana@example.org', 'BEN@example.org', 'chen@example.cn'],
      invalid: ['not-an-address'],
    });
    expect(parseEmails('   ')).toEqual({ emails: [], invalid: [] });
  });
});
