import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { markingRoutes } from '../marking/marking.routes';

export default [
  { path: '', title: 'titles.adminHome', loadComponent: () => import('./admin-home.component') },
  { path: 'users', title: 'titles.adminUsers', loadComponent: () => import('./admin-users.component') },
  { path: 'courses', title: 'titles.adminCourses', loadComponent: () => import('./admin-courses.component') },
  {
    path: 'courses/:id',
    title: 'titles.adminCourse',
    loadComponent: () => import('./course-editor.component'),
  },
  {
    path: 'courses/:id/certificate',
    title: 'certificates.templates.title',
    data: { scope: 'courses' },
    loadComponent: () => import('../certification/certificate-template-editor.component'),
  },
  {
    path: 'programmes/:id/certificate',
    title: 'certificates.templates.programmeTitle',
    data: { scope: 'programmes' },
    loadComponent: () => import('../certification/certificate-template-editor.component'),
  },
  {
    path: 'courses/:courseId/assignments/:activityId',
    title: 'assignment.admin.pageTitle',
    loadComponent: () => import('../assignment/assignment-settings.component'),
  },
  {
    path: 'courses/:courseId/quizzes/:activityId',
    title: 'quiz.admin.settingsTitle',
    loadComponent: () => import('../quiz/quiz-settings.component'),
  },
  {
    path: 'courses/:courseId/questions',
    title: 'quiz.admin.bankTitle',
    loadComponent: () => import('../quiz/question-bank-page.component'),
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
  ...markingRoutes,
  {
    path: routerPath(webPages.adminDirectory, { path: '/admin' }),
    loadChildren: () => import('../admin-directory/admin-directory.routes'),
  },
  // Workshops are run from the organisers' area, where administrators also grant organisers.
  { path: routerPath(webPages.adminWorkshops, { path: '/admin' }), redirectTo: webPages.organiserWorkshops.path },
] satisfies Routes;
