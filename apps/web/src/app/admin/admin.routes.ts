import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.adminHome', loadComponent: () => import('./admin-home.component') },
  { path: 'users', title: 'titles.adminUsers', loadComponent: () => import('./admin-users.component') },
  { path: 'courses', title: 'titles.adminCourses', loadComponent: () => import('./admin-courses.component') },
  {
    path: 'courses/:id',
    title: 'titles.adminCourse',
    loadComponent: () => import('./course-editor.component'),
  },
  { path: 'cohorts', title: 'titles.adminCohorts', loadComponent: () => import('./admin-cohorts.component') },
  {
    path: 'cohorts/new',
    title: 'titles.adminCohortNew',
    loadComponent: () => import('./cohort-editor.component'),
  },
  {
    path: 'cohorts/:id',
    title: 'titles.adminCohort',
    loadComponent: () => import('./cohort-editor.component'),
  },
] satisfies Routes;
