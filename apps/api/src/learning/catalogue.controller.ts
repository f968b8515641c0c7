import { Controller, Headers, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CatalogueCourse, CoursePageView, Page } from '@aula/contracts';
import { CatalogueService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { learningApi } from '@aula/contracts';
import { OptionalActor, Public } from '../auth/auth.decorators';
import { CataloguePageDto, CatalogueQueryDto, CoursePageDto, LocaleQueryDto } from './learning.dto';
import { Route } from '../common/route.decorator';

/** What anyone may read, signed in or not; a signed-in reader also sees their own enrolment. */
@ApiTags('learning')
@Public()
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Route(learningApi.catalogue)
  @ApiOperation({ summary: 'Published courses with their open cohorts' })
  @ApiOkResponse({ type: CataloguePageDto })
  list(
    @OptionalActor() actor: Actor | null,
    @Query() query: CatalogueQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<CatalogueCourse>> {
    return this.catalogue.catalogue(actor, query, acceptLanguage);
  }

  @Route(learningApi.topics)
  @ApiOperation({ summary: 'Topics of published courses, for the catalogue filter' })
  @ApiOkResponse({ type: String, isArray: true })
  topics(): Promise<string[]> {
    return this.catalogue.topics();
  }

  @Route(learningApi.course)
  @ApiOperation({ summary: "A course page in the reader's language, with the reader's enrolment" })
  @ApiOkResponse({ type: CoursePageDto })
  page(
    @OptionalActor() actor: Actor | null,
    @Param('slug') slug: string,
    @Query() query: LocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CoursePageView> {
    // Not a slug: not a course (and never worth a query).
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new NotFoundException('No such course.');
    return this.catalogue.coursePage(actor, slug, query.locale, acceptLanguage);
  }
}
