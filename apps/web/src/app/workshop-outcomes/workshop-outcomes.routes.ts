import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { signedInGuard } from '../core/auth/auth.guards';

/**
 * After the workshop: the organiser's materials, survey results and outcomes screens (the API
 * answers 404 to anyone who does not organise the workshop), and the public report page.
 */
export const workshopOutcomesRoutes: Routes = [
  {
    path: routerPath(webPages.organiserMaterials),
    canMatch: [signedInGuard],
    title: 'workshopOutcomes.titles.materials',
    loadComponent: () => import('./organiser-materials.component'),
  },
  {
    path: routerPath(webPages.organiserSurveyResults),
    canMatch: [signedInGuard],
    title: 'workshopOutcomes.titles.surveyResults',
    loadComponent: () => import('./survey-results.component'),
  },
  {
    path: routerPath(webPages.organiserOutcomes),
    canMatch: [signedInGuard],
    title: 'workshopOutcomes.titles.outcomes',
    loadComponent: () => import('./outcomes-editor.component'),
  },
  {
    path: routerPath(webPages.workshopReport),
    title: 'workshopOutcomes.titles.report',
    loadComponent: () => import('./workshop-report-page.component'),
  },
  {
    path: routerPath(webPages.workshopFeedback),
    canMatch: [signedInGuard],
    title: 'workshopOutcomes.titles.feedback',
    loadComponent: () => import('./workshop-feedback-page.component'),
  },
];
