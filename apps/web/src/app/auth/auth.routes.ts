import { inject } from '@angular/core';
import { Router, Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { anonymousGuard } from '../core/auth/auth.guards';
import { PlatformService } from '../core/platform/platform.service';

/** With registration off the form is not just hidden: its URL leads back to sign-in. */
const registrationOpen = () =>
  inject(PlatformService).info().registrationEnabled || inject(Router).parseUrl('/sign-in');

/** Top-level routes for people who are not signed in; each screen is its own lazy chunk. */
export const authRoutes: Routes = [
  {
    path: 'sign-in',
    canMatch: [anonymousGuard],
    title: 'titles.signIn',
    loadComponent: () => import('./sign-in.component'),
  },
  {
    // The link in the invitation email of people enrolled from a CSV file: `?token=…`.
    path: routerPath(webPages.acceptInvitation),
    canMatch: [anonymousGuard],
    title: 'titles.acceptInvitation',
    loadComponent: () => import('./accept-invitation.component'),
  },
  {
    path: 'forgot-password',
    canMatch: [anonymousGuard],
    title: 'notifications.reset.requestTitle',
    loadComponent: () => import('../notification/forgot-password.component'),
  },
  {
    // The link in the password-reset email: `?token=…`. Open to anyone holding the link.
    path: routerPath(webPages.resetPassword),
    title: 'notifications.reset.title',
    loadComponent: () => import('../notification/reset-password.component'),
  },
  {
    path: 'register',
    canMatch: [anonymousGuard, registrationOpen],
    title: 'titles.register',
    loadComponent: () => import('./register.component'),
  },
];
