import type { Routes } from '@angular/router';
import { webPages } from '@aula/contracts';

/** Where the directory's admin screens live; links inside the area are built from it. */
export const DIRECTORY_ADMIN = webPages.adminDirectory.path;

/**
 * `/admin/directory`: institutions (with merges and CSV), regions, and the free-text values
 * people typed before the directory existed.
 */
export default [
  {
    path: '',
    title: 'titles.adminDirectory',
    loadComponent: () => import('./institutions.component'),
  },
  {
    path: 'institutions/new',
    title: 'titles.adminDirectoryInstitutionNew',
    loadComponent: () => import('./institution-editor.component'),
  },
  {
    path: 'institutions/:id',
    title: 'titles.adminDirectoryInstitution',
    loadComponent: () => import('./institution-editor.component'),
  },
  {
    path: 'merge',
    title: 'titles.adminDirectoryMerge',
    loadComponent: () => import('./merge.component'),
  },
  {
    path: 'csv',
    title: 'titles.adminDirectoryCsv',
    loadComponent: () => import('./institution-csv.component'),
  },
  {
    path: 'regions',
    title: 'titles.adminDirectoryRegions',
    loadComponent: () => import('./regions.component'),
  },
  {
    path: 'regions/new',
    title: 'titles.adminDirectoryRegionNew',
    loadComponent: () => import('./region-editor.component'),
  },
  {
    path: 'regions/:id',
    title: 'titles.adminDirectoryRegion',
    loadComponent: () => import('./region-editor.component'),
  },
  {
    path: 'free-text',
    title: 'titles.adminDirectoryFreeText',
    loadComponent: () => import('./free-text.component'),
  },
] satisfies Routes;
