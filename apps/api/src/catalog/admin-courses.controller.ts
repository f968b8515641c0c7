import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CourseAdminView, ModuleAdminView, Page } from '@aula/contracts';
import { CatalogService } from '@aula/server/catalog';
import { catalogApi } from '@aula/contracts';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import {
  CourseAdminPageDto,
  CourseAdminViewDto,
  CourseQueryDto,
  CourseStatusDto,
  CreateCourseDto,
  CreateModuleDto,
  DuplicateCourseDto,
  ModuleAdminViewDto,
  ReorderDto,
  UpdateCourseDto,
} from './catalog.dto';
import { Route } from '../common/route.decorator';

@ApiTags('admin: catalogue')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminCoursesController {
  constructor(private readonly catalog: CatalogService) {}

  @Route(catalogApi.courses)
  @ApiOkResponse({ type: CourseAdminPageDto, description: 'Ordered by slug; modules are left out (empty)' })
  list(@Query() query: CourseQueryDto): Promise<Page<CourseAdminView>> {
    return this.catalog.listCourses(query);
  }

  @Route(catalogApi.createCourse)
  @ApiCreatedResponse({ type: CourseAdminViewDto, description: 'A new draft' })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@Body() body: CreateCourseDto): Promise<CourseAdminView> {
    return this.catalog.createCourse(body);
  }

  @Route(catalogApi.course)
  @ApiOkResponse({ type: CourseAdminViewDto, description: 'With modules and activities in order' })
  get(@Param('id', uuidParam()) id: string): Promise<CourseAdminView> {
    return this.catalog.getCourse(id);
  }

  @Route(catalogApi.updateCourse)
  @ApiOkResponse({ type: CourseAdminViewDto })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateCourseDto): Promise<CourseAdminView> {
    return this.catalog.updateCourse(id, body);
  }

  @Route(catalogApi.setCourseStatus)
  @HttpCode(200)
  @ApiOkResponse({ type: CourseAdminViewDto })
  @ApiConflictResponse({ description: 'Not publishable yet; `errors` says what is missing where' })
  setStatus(@Param('id', uuidParam()) id: string, @Body() body: CourseStatusDto): Promise<CourseAdminView> {
    return this.catalog.setCourseStatus(id, body.status);
  }

  @Route(catalogApi.duplicateCourse)
  @ApiCreatedResponse({
    type: CourseAdminViewDto,
    description: 'A new draft with copies of every module, activity and file',
  })
  duplicate(
    @Param('id', uuidParam()) id: string,
    @Body() body: DuplicateCourseDto,
  ): Promise<CourseAdminView> {
    return this.catalog.duplicateCourse(id, body.slug);
  }

  @Route(catalogApi.addModule)
  @ApiCreatedResponse({ type: ModuleAdminViewDto, description: 'Added last' })
  addModule(@Param('id', uuidParam()) id: string, @Body() body: CreateModuleDto): Promise<ModuleAdminView> {
    return this.catalog.addModule(id, body);
  }

  @Route(catalogApi.orderModules)
  @ApiOkResponse({ type: CourseAdminViewDto })
  reorderModules(@Param('id', uuidParam()) id: string, @Body() body: ReorderDto): Promise<CourseAdminView> {
    return this.catalog.reorderModules(id, body.ids);
  }
}
