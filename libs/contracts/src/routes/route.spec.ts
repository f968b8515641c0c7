import { certificationApi, gradebookApi, identityApi, scheduleApi } from './api-routes';
import { routerPath, routeUrl } from './route';
import { webPages } from './web-pages';

describe('routeUrl', () => {
  it('fills every parameter, URI-encoded', () => {
    expect(routeUrl(certificationApi.verify, { code: 'AB12' })).toBe('/api/certificates/verify/AB12');
    expect(routeUrl(scheduleApi.grantExtension, { id: 'c 1', activityId: 'a/2', enrolmentId: 'e?3' })).toBe(
      '/api/cohorts/c%201/schedule/a%2F2/extensions/e%3F3',
    );
    expect(routeUrl(certificationApi.statusList, { list: 1 })).toBe('/api/certificates/status-list/1');
  });

  it('leaves a path without parameters as it is, and adds a query when given', () => {
    expect(routeUrl(identityApi.signIn)).toBe('/api/auth/sign-in');
    expect(routeUrl(webPages.resetPassword, { token: 'a+b/c=' })).toBe('/reset-password?token=a%2Bb%2Fc%3D');
    expect(routeUrl(gradebookApi.cohort, { id: 'x' }, { q: 'ana', limit: 20, cursor: undefined, all: null })).toBe(
      '/api/cohorts/x/gradebook?q=ana&limit=20',
    );
  });

  it('refuses to build a URL with a parameter missing at run time', () => {
    const untyped = routeUrl as (route: { path: string }, ...args: unknown[]) => string;
    expect(() => untyped(certificationApi.verify, {})).toThrow('/api/certificates/verify/:code: no value for :code');
  });

  it('is checked against the path by the compiler', () => {
    // @ts-expect-error the code is missing
    expect(() => routeUrl(certificationApi.verify, {})).toThrow();
    // @ts-expect-error a parameter the path does not have
    expect(routeUrl(certificationApi.verify, { code: 'a', id: 'b' })).toBe('/api/certificates/verify/a');
    // @ts-expect-error no parameters at all
    expect(() => routeUrl(certificationApi.verify)).toThrow();
  });
});

describe('routerPath', () => {
  it('is the path without its leading slash, or relative to its parent route', () => {
    expect(routerPath(webPages.verifyCertificate)).toBe('verify/:code');
    expect(routerPath(webPages.tutorMarking, webPages.tutorHome)).toBe('cohorts/:id/marking');
    expect(routerPath(certificationApi.verify, { path: '/api' })).toBe('certificates/verify/:code');
  });

  it('refuses a parent the path is not under', () => {
    expect(() => routerPath(webPages.tutorMarking, webPages.learnerHome)).toThrow('/tutor/cohorts/:id/marking is not under /learn/');
  });
});
