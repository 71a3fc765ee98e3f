import { DynamicModule, Global, Module } from '@nestjs/common';
import { CalendarClient } from '@lep/calendar';

/** The service's one CalendarClient (one cached copy of the registry's calendar), injectable everywhere. */
@Global()
@Module({})
export class CalendarClientModule {
  static forRoot(config: { REGISTRY_URL: string; CALENDAR_CACHE_SECONDS: number }): DynamicModule {
    const client = new CalendarClient({
      registryUrl: config.REGISTRY_URL,
      cacheSeconds: config.CALENDAR_CACHE_SECONDS,
    });
    return {
      module: CalendarClientModule,
      providers: [{ provide: CalendarClient, useValue: client }],
      exports: [CalendarClient],
    };
  }
}
