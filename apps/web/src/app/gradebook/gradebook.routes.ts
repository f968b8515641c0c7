import { inject } from '@angular/core';
import { CanMatchFn, Router, Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';

/** Tutors and administrators; the API still decides which cohorts each may open. */
const staffGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return auth.hasRole('tutor') || auth.hasRole('admin') || inject(Router).parseUrl(homePathFor(auth.roles()));
};
const adminGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return auth.hasRole('admin') || inject(Router).parseUrl(homePathFor(auth.roles()));
};

export default [
  {
    path: 'cohorts/:id',
    canMatch: [staffGuard],
    title: 'gradebook.titles.cohort',
    loadComponent: () => import('./cohort-gradebook.component'),
  },
  {
    path: 'cohorts/:id/dates',
    canMatch: [staffGuard],
    title: 'gradebook.titles.dates',
    loadComponent: () => import('./cohort-dates-page.component'),
  },
  {
    path: 'courses/:id',
    canMatch: [adminGuard],
    title: 'gradebook.titles.settings',
    loadComponent: () => import('./course-grading.component'),
  },
  {
    path: routerPath(webPages.myGrades, webPages.gradebook),
    title: 'gradebook.titles.mine',
    loadComponent: () => import('./my-grades.component'),
  },
] satisfies Routes;
