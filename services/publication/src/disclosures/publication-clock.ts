import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * The time a record published at receipt carries (published at, on time or not). It is the system clock; a test
 * gives the Temporal test server's virtual clock, which the deadline workflow's own steps read, so a record
 * published by the consumer and one published by the workflow are timed on the same clock under a test as in
 * production.
 */
export abstract class PublicationClock {
  abstract now(): Promise<Date>;
}

const systemClock: PublicationClock = { now: async () => new Date() };

/** Provides the PublicationClock to every module of the service. */
@Global()
@Module({})
export class PublicationClockModule {
  static forValue(clock: PublicationClock = systemClock): DynamicModule {
    return {
      module: PublicationClockModule,
      providers: [{ provide: PublicationClock, useValue: clock }],
      exports: [PublicationClock],
    };
  }
}
