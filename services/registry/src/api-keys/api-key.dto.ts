import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Role, ROLES } from '@lep/auth';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';

export class CreateApiKeyDto {
  @ApiProperty({ description: '密钥所属执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiProperty({ enum: ROLES, description: '密钥持有的角色（通常为 agency-system）' })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: '用途说明，例如使用该密钥的业务系统名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;
}

export class RevokeApiKeyDto {
  @ApiProperty({ description: '吊销原因' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ApiKeyIdParam {
  @ApiProperty({ description: '密钥编号（16 位十六进制）' })
  @Matches(/^[0-9a-f]{16}$/)
  keyId!: string;
}

export class IntrospectDto {
  @ApiProperty({ description: '待验证的 API 密钥 lep_<keyId>_<secret>' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  key!: string;
}

/** A key as listed: everything but its secret, which the registry does not have. */
export class ApiKeyView {
  @ApiProperty() keyId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() label!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) revokedBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) revocationReason!: string | null;
}

export class CreatedApiKey extends ApiKeyView {
  @ApiProperty({ description: '完整密钥 lep_<keyId>_<secret>：仅在创建时显示一次，登记处不保存明文' })
  key!: string;
}

class IntrospectedPrincipal {
  @ApiProperty({ enum: ['api-key'] }) kind!: 'api-key';
  @ApiProperty({ description: '密钥编号' }) subject!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

export class IntrospectionView {
  @ApiProperty({ description: '密钥有效（存在、未吊销、密文匹配）' })
  active!: boolean;

  @ApiPropertyOptional({ type: IntrospectedPrincipal })
  principal?: IntrospectedPrincipal;
}
