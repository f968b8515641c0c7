import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuestionAdminView, QuestionDeleteResult, QuizSettingsView } from '@aula/contracts';
import { QuestionBankService, QuizSettingsService } from '@aula/server/assessment';
import { quizApi } from '@aula/contracts';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateQuestionDto,
  QuestionAdminViewDto,
  QuestionDeleteResultDto,
  QuestionListQueryDto,
  QuizSettingsDto,
  QuizSettingsViewDto,
  UpdateQuestionDto,
} from './quiz.dto';
import { Route } from '../common/route.decorator';

/** The question bank of a course and the settings of its quizzes (administrators). */
@ApiTags('admin: quizzes')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class QuizAdminController {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly quizzes: QuizSettingsService,
  ) {}

  @Route(quizApi.questions)
  @ApiOperation({ summary: "A course's question bank, oldest first" })
  @ApiOkResponse({ type: QuestionAdminViewDto, isArray: true })
  list(
    @Param('courseId', uuidParam('courseId')) courseId: string,
    @Query() query: QuestionListQueryDto,
  ): Promise<QuestionAdminView[]> {
    return this.bank.list(courseId, { includeArchived: query.includeArchived === 'true' });
  }

  @Route(quizApi.createQuestion)
  @ApiCreatedResponse({ type: QuestionAdminViewDto })
  create(
    @Param('courseId', uuidParam('courseId')) courseId: string,
    @Body() body: CreateQuestionDto,
  ): Promise<QuestionAdminView> {
    return this.bank.create(courseId, body);
  }

  @Route(quizApi.question)
  @ApiOkResponse({ type: QuestionAdminViewDto })
  get(@Param('id', uuidParam()) id: string): Promise<QuestionAdminView> {
    return this.bank.get(id);
  }

  @Route(quizApi.updateQuestion)
  @ApiOperation({ summary: 'Edit a question; attempts already started keep the version they copied' })
  @ApiOkResponse({ type: QuestionAdminViewDto })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateQuestionDto): Promise<QuestionAdminView> {
    return this.bank.update(id, body);
  }

  @Route(quizApi.deleteQuestion)
  @ApiOperation({ summary: 'Delete a question, or archive it when an attempt or a quiz uses it' })
  @ApiOkResponse({ type: QuestionDeleteResultDto })
  remove(@Param('id', uuidParam()) id: string): Promise<QuestionDeleteResult> {
    return this.bank.remove(id);
  }

  @Route(quizApi.settings)
  @ApiOperation({ summary: "A quiz activity's settings (defaults until saved)" })
  @ApiOkResponse({ type: QuizSettingsViewDto })
  settings(@Param('id', uuidParam()) id: string): Promise<QuizSettingsView> {
    return this.quizzes.settings(id);
  }

  @Route(quizApi.saveSettings)
  @ApiOperation({ summary: "Replace a quiz activity's settings; max points go to the gradebook" })
  @ApiOkResponse({ type: QuizSettingsViewDto })
  saveSettings(@Param('id', uuidParam()) id: string, @Body() body: QuizSettingsDto): Promise<QuizSettingsView> {
    return this.quizzes.saveSettings(id, body);
  }
}
