import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';
import { signedInGuard } from '../core/auth/auth.guards';

/**
 * Attendance: a participant's check-in code page, and organisers' check-in screen, roll lists and
 * attendance sheet (the API decides who organises a workshop: others read "not found").
 */
export const attendanceRoutes: Routes = [
  {
    path: routerPath(webPages.myCheckInCode),
    canMatch: [signedInGuard],
    title: 'attendance.titles.myCode',
    loadComponent: () => import('./my-checkin-code-page.component'),
  },
  {
    path: routerPath(webPages.organiserCheckIn),
    canMatch: [signedInGuard],
    title: 'attendance.titles.checkIn',
    loadComponent: () => import('./check-in.component'),
  },
  {
    path: routerPath(webPages.organiserRollList),
    canMatch: [signedInGuard],
    title: 'attendance.titles.roll',
    loadComponent: () => import('./roll-list.component'),
  },
  {
    path: routerPath(webPages.organiserAttendance),
    canMatch: [signedInGuard],
    title: 'attendance.titles.sheet',
    loadComponent: () => import('./attendance-sheet.component'),
  },
];
