import type { Locale } from '@aula/contracts';
import type { IssuerUrls } from './credential';

export interface AchievementFacts {
  courseId: string;
  course: string;
  courseDescription: string;
  locale: Locale;
  issuerName: string;
}

/**
 * The Open Badges 3.0 Achievement of a course: what every certificate of the course awards, and
 * what their credentials' `achievement.id` names. About the course only, never about a holder.
 */
export function openBadgeAchievement(
  facts: AchievementFacts,
  urls: IssuerUrls & { achievementUrl: (courseId: string) => string },
): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: urls.achievementUrl(facts.courseId),
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: facts.course,
    description: facts.courseDescription || facts.course,
    criteria: { narrative: `Completed the course ${facts.course}.` },
    creator: { id: urls.issuerId, type: ['Profile'], name: facts.issuerName, url: urls.publicUrl },
    inLanguage: facts.locale,
  };
}
