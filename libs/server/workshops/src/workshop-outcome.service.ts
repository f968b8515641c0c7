import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  WORKSHOP_COOPERATION_KINDS,
  WORKSHOP_OUTCOME_KINDS,
  WORKSHOP_OUTCOME_LIMITS,
  type Locale,
  type WorkshopOutcomeInput,
  type WorkshopOutcomeUpdate,
  type WorkshopOutcomeView,
  type WorkshopReportView,
} from '@aula/contracts';
import { pickText } from '@aula/server/core';
import { DirectoryReader } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { WorkshopOutcome } from './workshop-outcome.entity';
import { WorkshopPolicy } from './workshop.policy';
import { fieldsError, type FieldProblem } from './workshop-input';
import { WorkshopItemNotFoundError } from './workshop-outcomes.errors';

export function toOutcomeView(o: WorkshopOutcome): WorkshopOutcomeView {
  return {
    id: o.id,
    workshopId: o.workshopId,
    kind: o.kind,
    regionId: o.regionId,
    toRegionId: o.toRegionId,
    topic: o.topic,
    description: o.description,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Outcomes in report order: by kind (demands, priorities, lessons, offers, requests), then as entered. */
const byKind = (a: WorkshopOutcome, b: WorkshopOutcome) =>
  WORKSHOP_OUTCOME_KINDS.indexOf(a.kind) - WORKSHOP_OUTCOME_KINDS.indexOf(b.kind) || a.createdAt.getTime() - b.createdAt.getTime();

/**
 * The outcomes record of a workshop: demands, priorities and lessons per region, and cooperation
 * offers and requests between regions, each with a topic. Organisers edit it at any time; it is
 * public with the workshop report, once the workshop is `report-published`.
 */
@Injectable()
export class WorkshopOutcomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly directory: DirectoryReader,
  ) {}

  async list(actor: Actor, workshopId: string): Promise<WorkshopOutcomeView[]> {
    await this.policy.assertOrganiser(actor, workshopId);
    const rows = await this.dataSource.manager.find(WorkshopOutcome, { where: { workshopId } });
    return rows.sort(byKind).map(toOutcomeView);
  }

  async add(actor: Actor, workshopId: string, input: WorkshopOutcomeInput): Promise<WorkshopOutcomeView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const outcome = this.dataSource.manager.create(WorkshopOutcome, { workshopId, ...this.merge(null, input) });
    await this.check(outcome);
    return toOutcomeView(await this.dataSource.manager.save(WorkshopOutcome, outcome));
  }

  async update(actor: Actor, workshopId: string, outcomeId: string, input: WorkshopOutcomeUpdate): Promise<WorkshopOutcomeView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const outcome = await this.dataSource.manager.findOne(WorkshopOutcome, { where: { id: outcomeId, workshopId } });
    if (!outcome) throw new WorkshopItemNotFoundError('outcome');
    Object.assign(outcome, this.merge(outcome, input));
    await this.check(outcome);
    return toOutcomeView(await this.dataSource.manager.save(WorkshopOutcome, outcome));
  }

  async remove(actor: Actor, workshopId: string, outcomeId: string): Promise<void> {
    await this.policy.assertOrganiser(actor, workshopId);
    const result = await this.dataSource.manager.delete(WorkshopOutcome, { id: outcomeId, workshopId });
    if (!result.affected) throw new WorkshopItemNotFoundError('outcome');
  }

  /** The published report: for anyone once the workshop is report-published; 404 before (even for organisers, who use their own screen). */
  async report(slug: string, locale: Locale | null): Promise<WorkshopReportView> {
    const w = await this.dataSource.manager.findOne(Workshop, { where: { slug } });
    if (!w || w.status !== 'report-published') throw new WorkshopItemNotFoundError('report');
    const rows = (await this.dataSource.manager.find(WorkshopOutcome, { where: { workshopId: w.id } })).sort(byKind);
    const regions = await this.directory.regionRefs(
      rows.flatMap((r) => (r.toRegionId ? [r.regionId, r.toRegionId] : [r.regionId])),
      locale,
    );
    return {
      workshopId: w.id,
      slug: w.slug,
      title: pickText(w.title, locale, w.defaultLocale).text,
      outcomes: rows.map((r) => ({
        ...toOutcomeView(r),
        region: regions.get(r.regionId) ?? null,
        toRegion: r.toRegionId ? (regions.get(r.toRegionId) ?? null) : null,
      })),
    };
  }

  private merge(base: WorkshopOutcome | null, input: WorkshopOutcomeUpdate) {
    const kind = input.kind ?? base?.kind ?? ('' as never);
    const cooperation = WORKSHOP_COOPERATION_KINDS.includes(kind);
    const toRegionId = input.toRegionId === undefined ? (base?.toRegionId ?? null) : input.toRegionId || null;
    return {
      kind,
      regionId: input.regionId ?? base?.regionId ?? '',
      // Only cooperation goes to another region; other kinds keep none.
      toRegionId: cooperation ? toRegionId : null,
      topic: input.topic === undefined ? (base?.topic ?? '') : (input.topic ?? '').normalize('NFC').replace(/\s+/g, ' ').trim(),
      description: input.description === undefined ? (base?.description ?? '') : (input.description ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim(),
    };
  }

  private async check(o: WorkshopOutcome): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!WORKSHOP_OUTCOME_KINDS.includes(o.kind)) problems.push({ path: 'kind', message: `must be one of: ${WORKSHOP_OUTCOME_KINDS.join(', ')}` });
    if (!o.topic) problems.push({ path: 'topic', message: 'is required' });
    else if (o.topic.length > WORKSHOP_OUTCOME_LIMITS.topic) problems.push({ path: 'topic', message: `must be at most ${WORKSHOP_OUTCOME_LIMITS.topic} characters` });
    if (!o.description) problems.push({ path: 'description', message: 'is required' });
    else if (o.description.length > WORKSHOP_OUTCOME_LIMITS.description)
      problems.push({ path: 'description', message: `must be at most ${WORKSHOP_OUTCOME_LIMITS.description} characters` });
    const regions = await this.directory.regionRefs(o.toRegionId ? [o.regionId, o.toRegionId] : [o.regionId], null);
    if (!o.regionId) problems.push({ path: 'regionId', message: 'is required' });
    else if (!regions.has(o.regionId)) problems.push({ path: 'regionId', message: 'is not a region of the directory' });
    if (o.toRegionId && !regions.has(o.toRegionId)) problems.push({ path: 'toRegionId', message: 'is not a region of the directory' });
    if (o.toRegionId && o.toRegionId === o.regionId) problems.push({ path: 'toRegionId', message: 'must be another region than regionId' });
    if (problems.length) throw fieldsError(problems);
  }
}
