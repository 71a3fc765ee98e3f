import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { DEPENDENCY_PROBES, DependencyProbe, HEALTH_TIMEOUT_MS } from './dependency-probe';
import { withTimeout } from './with-timeout';
import { PublicRoute } from '../http/public-route';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DEPENDENCY_PROBES) private readonly probes: DependencyProbe[],
  ) {}

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Readiness: every dependency the service uses answers (database, Kafka, S3, Temporal, its worker)',
  })
  @ApiResponse({ status: 200, description: 'status "ok": every dependency is up' })
  @ApiResponse({ status: 503, description: 'status "error": the dependencies marked down did not answer' })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, (dependency) => this.probe(dependency));
  }

  /** What /health always answered; kept for the people and tools that call it (`lep health`, compose files). */
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'The same check as /health/ready' })
  @ApiResponse({ status: 200, description: 'status "ok": every dependency is up' })
  @ApiResponse({ status: 503, description: 'status "error": the dependencies marked down did not answer' })
  check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.ready(response);
  }

  @Get('live')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness: the process can still recover by itself (a dependency being down does not count)',
    description:
      'Down only for what a restart repairs, such as a Temporal worker that failed and stopped polling.',
  })
  @ApiResponse({ status: 200, description: 'status "ok": no restart needed' })
  @ApiResponse({ status: 503, description: 'status "error": restart the process' })
  live(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, async (dependency) => this.alive(dependency));
  }

  private async answer(
    response: Response,
    check: (dependency: DependencyProbe) => Promise<HealthIndicatorResult>,
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.probes.map((dependency) => () => check(dependency)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private alive(dependency: DependencyProbe): HealthIndicatorResult {
    const session = this.indicators.check(dependency.name);
    try {
      dependency.alive?.();
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async probe(dependency: DependencyProbe): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(dependency.name);
    try {
      await withTimeout(dependency.probe(), HEALTH_TIMEOUT_MS, dependency.name);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
