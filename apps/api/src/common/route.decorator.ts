import { RequestMapping, RequestMethod } from '@nestjs/common';
import { API_PREFIX, routerPath, type ApiRoute } from '@aula/contracts';

/**
 * Declares the handler of one entry of the route table (`@Route(certificationApi.verify)`): its
 * method and path come from there, under the API's global prefix. Controllers use it in place of
 * `@Get('...')` and friends, with a bare `@Controller()`.
 */
export const Route = (route: ApiRoute): MethodDecorator =>
  RequestMapping({ method: RequestMethod[route.method], path: routerPath(route, { path: API_PREFIX }) });
