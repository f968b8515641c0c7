import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { authRoutes } from './auth/auth.routes';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { verifyRoutes } from './certification/verify.routes';
import { networkRoutes } from './network/network.routes';
import { workshopRoutes } from './workshops/workshops.routes';
import { attendanceRoutes } from './attendance/attendance.routes';
import { workshopOutcomesRoutes } from './workshop-outcomes/workshop-outcomes.routes';
import { homeRedirect, roleGuard, signedInGuard } from './core/auth/auth.guards';
import { organiserGuard } from './organiser/organiser-access';

// Every area is a lazy chunk: on a slow link people download only the screens they use.
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: homeRedirect },
  ...authRoutes,
  ...catalogueRoutes,
  ...verifyRoutes,
  ...networkRoutes,
  ...workshopRoutes,
  ...attendanceRoutes,
  ...workshopOutcomesRoutes,
  {
    path: routerPath(webPages.profile),
    canMatch: [signedInGuard],
    loadChildren: () => import('./profile/profile.routes'),
  },
  // Before `learn`: tutors and administrators open activities too (the API decides who may).
  {
    path: routerPath(webPages.activity),
    canMatch: [signedInGuard],
    title: 'titles.activity',
    loadComponent: () => import('./learner/activity-player.component'),
  },
  {
    path: routerPath(webPages.learnerHome),
    canMatch: [roleGuard('trainee')],
    loadChildren: () => import('./learner/learner.routes'),
  },
  {
    path: routerPath(webPages.tutorHome),
    canMatch: [roleGuard('tutor')],
    loadChildren: () => import('./tutor/tutor.routes'),
  },
  { path: 'admin', canMatch: [roleGuard('admin')], loadChildren: () => import('./admin/admin.routes') },
  {
    path: routerPath(webPages.gradebook),
    canMatch: [signedInGuard],
    loadChildren: () => import('./gradebook/gradebook.routes'),
  },
  // Organisers: administrators, and people granted a workshop (the guard asks the API).
  { path: 'organiser', canMatch: [organiserGuard], loadChildren: () => import('./organiser/organiser.routes') },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./layout/not-found.component'),
  },
];
