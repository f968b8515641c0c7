/**
 * How a route is written down: plain data (`{ method, path }` for the API, `{ path }` for a web
 * page), with `:name` segments for parameters. `routeUrl` fills them in, type-checked against the
 * path, so a missing or misspelled parameter is a compile error.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every API path starts with it; the API's global prefix. */
export const API_PREFIX = '/api';

export interface ApiRoute {
  readonly method: HttpMethod;
  readonly path: `${typeof API_PREFIX}/${string}` | typeof API_PREFIX;
}

/** A page of the web app that something outside the web app (the server, a mail) links to. */
export interface WebPage {
  readonly path: `/${string}`;
}

/** `'/api/cohorts/:id/schedule/:activityId'` → `'id' | 'activityId'`. */
export type PathParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { readonly [K in PathParamName<P>]: string | number };

/** Query parameters; `undefined` and `null` values are left out. */
export type RouteQuery = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A path without parameters takes only an optional query; a path with parameters takes all of them first. */
export type RouteArgs<P extends string> = [PathParamName<P>] extends [never]
  ? [query?: RouteQuery]
  : [params: PathParams<P>, query?: RouteQuery];

const PARAM = /:([A-Za-z0-9_]+)/g;

/**
 * The URL of a route, relative to the site: parameters and query values are URI-encoded.
 * `routeUrl(certificationApi.verify, { code })` → `/api/certificates/verify/<code>`.
 */
export function routeUrl<P extends string>(route: { readonly path: P }, ...args: RouteArgs<P>): string {
  const hasParams = route.path.includes(':');
  const params = (hasParams ? args[0] : undefined) as Record<string, string | number> | undefined;
  const query = (hasParams ? args[1] : args[0]) as RouteQuery | undefined;
  const path = route.path.replace(PARAM, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const search = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

/**
 * A route's path as a router declares it: without the leading `/`, or relative to the parent
 * route it is declared under (`routerPath(webPages.tutorMarking, webPages.tutorHome)` →
 * `'cohorts/:id/marking'`).
 */
export function routerPath(page: { readonly path: string }, parent?: { readonly path: string }): string {
  const base = parent ? `${parent.path.replace(/\/+$/, '')}/` : '/';
  if (!page.path.startsWith(base)) throw new Error(`${page.path} is not under ${base}`);
  return page.path.slice(base.length);
}
