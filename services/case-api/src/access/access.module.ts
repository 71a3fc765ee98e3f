import { Global, Module } from '@nestjs/common';
import { CaseAccess } from './case-access';

@Global()
@Module({ providers: [CaseAccess], exports: [CaseAccess] })
export class AccessModule {}
