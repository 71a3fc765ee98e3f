import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
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

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and dependency health (database, Kafka, S3, Temporal as used)' })
  @ApiResponse({ status: 200, description: 'status "ok": every dependency is up' })
  @ApiResponse({ status: 503, description: 'status "error": the dependencies marked down did not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.probes.map((dependency) => () => this.run(dependency)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async run(dependency: DependencyProbe) {
    const session = this.indicators.check(dependency.name);
    try {
      await withTimeout(dependency.probe(), HEALTH_TIMEOUT_MS, dependency.name);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
