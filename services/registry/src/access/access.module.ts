import { Global, Module } from '@nestjs/common';
import { AgencyAccess, RegistryAgencyHierarchy } from './agency-access';

@Global()
@Module({
  providers: [RegistryAgencyHierarchy, AgencyAccess],
  exports: [AgencyAccess, RegistryAgencyHierarchy],
})
export class AccessModule {}
