import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { IntrospectDto, IntrospectionView } from './api-key.dto';
import { RegistryApiKeyVerifier } from './registry-api-key-verifier';

/**
 * How the other services check an API key (their IntrospectingApiKeyVerifier). Public on purpose: the
 * caller must hold the key it asks about, and the answer tells it only what that key's holder learns from
 * any request anyway (its agency and role). The 256-bit secret makes guessing through here hopeless.
 */
@ApiTags('api-keys')
@Controller('api/v1/auth')
export class IntrospectionController {
  constructor(private readonly verifier: RegistryApiKeyVerifier) {}

  @Public()
  @Post('introspect')
  @HttpCode(200)
  @ApiOkResponse({ type: IntrospectionView })
  async introspect(@Body() dto: IntrospectDto): Promise<IntrospectionView> {
    const principal = await this.verifier.verify(dto.key);
    if (!principal) return { active: false };
    return {
      active: true,
      principal: {
        kind: 'api-key',
        subject: principal.subject,
        agencyCode: principal.agencyCode ?? '',
        roles: principal.roles,
      },
    };
  }
}
