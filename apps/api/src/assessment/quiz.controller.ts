import { Body, Controller, Headers, HttpCode, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { QuizAttemptView, QuizOverview, QuizReview } from '@aula/contracts';
import { QuizAttemptService, QuizReviewService } from '@aula/server/assessment';
import type { Actor } from '@aula/server/identity';
import { quizApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { LocaleQueryDto } from '../learning/learning.dto';
import { QuizAttemptViewDto, QuizOverviewDto, QuizReviewDto, SaveAnswersDto } from './quiz.dto';
import { Route } from '../common/route.decorator';

/**
 * Taking a quiz. Attempts belong to their trainee: anyone else asking by id gets 404. Correct
 * answers and feedback appear only in the review, and only as the quiz's review options allow.
 */
@ApiTags('quizzes')
@ApiBearerAuth()
@Controller()
export class QuizController {
  constructor(
    private readonly attempts: QuizAttemptService,
    private readonly reviews: QuizReviewService,
  ) {}

  @Route(quizApi.overview)
  @ApiOperation({ summary: 'Dates, attempts used and allowed, the released grade, and whether an attempt may start' })
  @ApiOkResponse({ type: QuizOverviewDto })
  overview(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Query() query: LocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<QuizOverview> {
    return this.attempts.overview(actor, activityId, query.locale, acceptLanguage);
  }

  @Route(quizApi.start)
  @ApiOperation({ summary: 'Start an attempt (201), or get the one in progress (200)' })
  @ApiCreatedResponse({ type: QuizAttemptViewDto })
  @ApiOkResponse({ type: QuizAttemptViewDto, description: 'An attempt was already in progress' })
  @ApiConflictResponse({ description: 'Not open yet, closed, no attempts left, no questions, or not enrolled' })
  async start(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Query() query: LocaleQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuizAttemptView> {
    const { attempt, created } = await this.attempts.start(actor, activityId, query.locale);
    void reply.status(created ? 201 : 200);
    return attempt;
  }

  @Route(quizApi.attempt)
  @ApiOperation({ summary: 'An attempt with the answers saved so far (resume after a reload)' })
  @ApiOkResponse({ type: QuizAttemptViewDto })
  attempt(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: LocaleQueryDto,
  ): Promise<QuizAttemptView> {
    return this.attempts.attempt(actor, id, query.locale);
  }

  @Route(quizApi.saveAnswers)
  @ApiOperation({ summary: 'Save answers (the ones named; null clears one)' })
  @ApiOkResponse({ type: QuizAttemptViewDto })
  @ApiConflictResponse({ description: 'Submitted already, or the deadline passed (then it is submitted as saved)' })
  saveAnswers(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SaveAnswersDto,
    @Query() query: LocaleQueryDto,
  ): Promise<QuizAttemptView> {
    return this.attempts.saveAnswers(actor, id, body.answers, query.locale);
  }

  @Route(quizApi.submit)
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit and grade; submitting again answers the same result' })
  @ApiOkResponse({ type: QuizAttemptViewDto })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: LocaleQueryDto,
  ): Promise<QuizAttemptView> {
    return this.attempts.submit(actor, id, query.locale);
  }

  @Route(quizApi.review)
  @ApiOperation({ summary: 'Score per question, correct answers and feedback as the review options allow' })
  @ApiOkResponse({ type: QuizReviewDto })
  @ApiConflictResponse({ description: 'The attempt is still in progress' })
  review(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: LocaleQueryDto,
  ): Promise<QuizReview> {
    return this.reviews.review(actor, id, query.locale);
  }
}
