import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DEPENDENCY_PROBES, DependencyProbe } from './dependency-probe';
import { HealthController } from './health.controller';

/**
 * GET /health checking each dependency the service uses. Each probe provider is contributed by the module
 * that owns the client (DatabaseModule, KafkaModule, S3Module, TemporalClientModule).
 */
@Module({})
export class HealthModule {
  static register(probeTokens: (string | symbol)[]): DynamicModule {
    const probes: Provider = {
      provide: DEPENDENCY_PROBES,
      useFactory: (...found: DependencyProbe[]) => found,
      inject: probeTokens,
    };
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [probes],
    };
  }
}
