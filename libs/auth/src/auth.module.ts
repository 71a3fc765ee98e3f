import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AgencyDenialInterceptor } from './agency-denial.interceptor';
import { AuthEvents, LoggerAuthEvents } from './auth-events';
import { API_KEY_VERIFIER, ApiKeyVerifier, AUTH_OPTIONS, AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { StaffTokenVerifier } from './jwt/staff-token-verifier';

export interface AuthModuleProviders {
  /**
   * An ApiKeyVerifier built by Nest, for a verifier with dependencies (the registry's reads its database).
   * Its dependencies must be resolvable from the root module (e.g. the global TypeORM DataSource).
   */
  apiKeyVerifier?: Type<ApiKeyVerifier>;
}

function apiKeyVerifierProviders(options: AuthOptions, providers: AuthModuleProviders): Provider[] {
  if (options.apiKeys && providers.apiKeyVerifier)
    throw new Error('give the API key verifier either as options.apiKeys or as apiKeyVerifier, not both');
  if (providers.apiKeyVerifier) return [{ provide: API_KEY_VERIFIER, useClass: providers.apiKeyVerifier }];
  if (options.apiKeys) return [{ provide: API_KEY_VERIFIER, useValue: options.apiKeys }];
  return [];
}

/** Import once in a service's root module: every route then requires a credential unless @Public(). */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions, providers: AuthModuleProviders = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        // Built eagerly so a bad configuration stops the service at start-up, not at the first request.
        { provide: StaffTokenVerifier, useValue: new StaffTokenVerifier(options.jwt) },
        ...apiKeyVerifierProviders(options, providers),
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
