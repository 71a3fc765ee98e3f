import { Controller, Get, Header, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import {
  AGENCY_CODE_PATTERN,
  AgencyChangedData,
  InspectionDrawMadeData,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
  ItemListPublishedData,
  PersonnelChangedData,
} from '@lep/contracts';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { PreDisclosureEntity, PreDisclosureKind } from '../pre-disclosure/pre-disclosure.entity';
import { html } from './pages/html';
import {
  agencyBody,
  agencyListBody,
  inspectionPlanBody,
  inspectionPlanListBody,
} from './pages/pre-disclosure-pages';
import { HOME, renderPage } from './portal-pages';

const AGENCIES: [string, string] = ['执法主体与事前公开', '/portal/agencies'];
const INSPECTIONS: [string, string] = ['双随机抽查', '/portal/inspections'];
const KEY = /^[A-Za-z0-9._:-]{1,150}$/;
/** A page lists at most this many entries; the public API pages through more. */
const PAGE_LIMIT = 200;

/** 事前公开 (agencies, their officers, item lists and service guides) and 双随机、一公开 as server-rendered pages. */
@ApiExcludeController()
@Controller('portal')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PortalPreDisclosureController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('agencies')
  @Header('content-type', 'text/html; charset=utf-8')
  async agencies(@Req() request: Request, @Query('keyword') keyword?: unknown): Promise<string> {
    const text = typeof keyword === 'string' ? keyword.slice(0, 100) : '';
    const builder = this.entries('agencies');
    if (text) builder.andWhere('p.title ILIKE :keyword', { keyword: `%${text.replace(/[\\%_]/g, '\\$&')}%` });
    const rows = await builder.orderBy('p.agency_code').take(PAGE_LIMIT).getMany();
    return renderPage(request, {
      title: '执法主体与事前公开',
      trail: [HOME, AGENCIES],
      body: agencyListBody(
        rows.map((row) => row.data as unknown as AgencyChangedData),
        text,
      ),
    });
  }

  @Get('agencies/:code')
  @Header('content-type', 'text/html; charset=utf-8')
  async agency(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('code') code: string,
  ): Promise<string> {
    const row = AGENCY_CODE_PATTERN.test(code) ? await this.entry('agencies', code) : null;
    if (!row) return this.notFound(request, response, AGENCIES, '该执法主体未公示或已撤销。');
    const agency = row.data as unknown as AgencyChangedData;
    const officers = await this.entries('personnel')
      .andWhere('p.agency_code = :code', { code })
      .orderBy('p.title')
      .take(PAGE_LIMIT)
      .getMany();
    const items = await this.entry('item-lists', `${code}:enforcement-items`);
    return renderPage(request, {
      title: agency.name,
      trail: [HOME, AGENCIES, [agency.name, '']],
      body: agencyBody(
        agency,
        officers.map((officer) => officer.data as unknown as PersonnelChangedData),
        items ? (items.data as unknown as ItemListPublishedData) : null,
      ),
    });
  }

  @Get('inspections')
  @Header('content-type', 'text/html; charset=utf-8')
  async inspections(@Req() request: Request, @Query('agency') agency?: unknown): Promise<string> {
    const builder = this.entries('inspection-plans');
    if (typeof agency === 'string' && AGENCY_CODE_PATTERN.test(agency))
      builder.andWhere('p.agency_code = :agency', { agency });
    const plans = await builder.orderBy('p.event_time', 'DESC').take(PAGE_LIMIT).getMany();
    const names = await this.agencyNames(plans.map((plan) => plan.agencyCode));
    return renderPage(request, {
      title: '双随机抽查',
      trail: [HOME, INSPECTIONS],
      body: inspectionPlanListBody(
        plans.map((plan) => plan.data as unknown as InspectionPlanDisclosedData),
        names,
      ),
    });
  }

  @Get('inspections/:planId')
  @Header('content-type', 'text/html; charset=utf-8')
  async inspection(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('planId') planId: string,
  ): Promise<string> {
    const row = KEY.test(planId) ? await this.entry('inspection-plans', planId) : null;
    if (!row) return this.notFound(request, response, INSPECTIONS, '该抽查计划未公示。');
    const plan = row.data as unknown as InspectionPlanDisclosedData;
    const ofPlan = (kind: PreDisclosureKind) =>
      this.entries(kind)
        .andWhere(`p.data->>'planId' = :planId`, { planId })
        .orderBy('p.event_time')
        .take(PAGE_LIMIT)
        .getMany();
    const draws = await ofPlan('inspection-draws');
    const results = await ofPlan('inspection-results');
    return renderPage(request, {
      title: plan.subject,
      trail: [HOME, INSPECTIONS, [plan.subject, '']],
      body: inspectionPlanBody(
        plan,
        draws.map((draw) => draw.data as unknown as InspectionDrawMadeData),
        results.map((result) => result.data as unknown as InspectionResultsPublishedData),
      ),
    });
  }

  private entries(kind: PreDisclosureKind) {
    return this.dataSource
      .getRepository(PreDisclosureEntity)
      .createQueryBuilder('p')
      .where('p.kind = :kind AND NOT p.removed', { kind });
  }

  private entry(kind: PreDisclosureKind, subjectKey: string): Promise<PreDisclosureEntity | null> {
    return this.dataSource.getRepository(PreDisclosureEntity).findOneBy({ kind, subjectKey, removed: false });
  }

  private async agencyNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.entries('agencies')
      .andWhere('p.subject_key IN (:...codes)', { codes: [...new Set(codes)] })
      .getMany();
    return new Map(rows.map((row) => [row.subjectKey, row.title]));
  }

  private notFound(request: Request, response: Response, section: [string, string], message: string): string {
    response.status(404);
    return renderPage(request, {
      title: '未找到',
      trail: [HOME, section, ['未找到', '']],
      body: html`<p>${message}<a href="${section[1]}">返回${section[0]}</a></p>`,
    });
  }
}
