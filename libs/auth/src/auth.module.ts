import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AgencyDenialInterceptor } from './agency-denial.interceptor';
import { AuthEvents, LoggerAuthEvents } from './auth-events';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { StaffTokenVerifier } from './jwt/staff-token-verifier';

/** Import once in a service's root module: every route then requires a credential unless @Public(). */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        // Built eagerly so a bad configuration stops the service at start-up, not at the first request.
        { provide: StaffTokenVerifier, useValue: new StaffTokenVerifier(options.jwt) },
        options.events
          ? { provide: AuthEvents, useValue: options.events }
          : { provide: AuthEvents, useClass: LoggerAuthEvents },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AgencyDenialInterceptor },
      ],
      exports: [AuthEvents],
    };
  }
}
