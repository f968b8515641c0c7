import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CourseAdminView, ModuleAdminView, Page } from '@aula/contracts';
import { CatalogService } from '@aula/server/catalog';
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

@ApiTags('admin: catalogue')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/courses')
export class AdminCoursesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOkResponse({ type: CourseAdminPageDto, description: 'Ordered by slug; modules are left out (empty)' })
  list(@Query() query: CourseQueryDto): Promise<Page<CourseAdminView>> {
    return this.catalog.listCourses(query);
  }

  @Post()
  @ApiCreatedResponse({ type: CourseAdminViewDto, description: 'A new draft' })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@Body() body: CreateCourseDto): Promise<CourseAdminView> {
    return this.catalog.createCourse(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CourseAdminViewDto, description: 'With modules and activities in order' })
  get(@Param('id', uuidParam()) id: string): Promise<CourseAdminView> {
    return this.catalog.getCourse(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CourseAdminViewDto })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateCourseDto): Promise<CourseAdminView> {
    return this.catalog.updateCourse(id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: CourseAdminViewDto })
  @ApiConflictResponse({ description: 'Not publishable yet; `errors` says what is missing where' })
  setStatus(@Param('id', uuidParam()) id: string, @Body() body: CourseStatusDto): Promise<CourseAdminView> {
    return this.catalog.setCourseStatus(id, body.status);
  }

  @Post(':id/duplicate')
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

  @Post(':id/modules')
  @ApiCreatedResponse({ type: ModuleAdminViewDto, description: 'Added last' })
  addModule(@Param('id', uuidParam()) id: string, @Body() body: CreateModuleDto): Promise<ModuleAdminView> {
    return this.catalog.addModule(id, body);
  }

  @Put(':id/modules/order')
  @ApiOkResponse({ type: CourseAdminViewDto })
  reorderModules(@Param('id', uuidParam()) id: string, @Body() body: ReorderDto): Promise<CourseAdminView> {
    return this.catalog.reorderModules(id, body.ids);
  }
}
