import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';

/** The refusals of @lep/auth, with the codes and Chinese messages of the auth contract. */
export const authErrors = {
  unauthenticated: () => new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', '缺少或无效的身份凭证'),
  tokenExpired: () => new ApiError(HttpStatus.UNAUTHORIZED, 'TOKEN_EXPIRED', '身份凭证已过期'),
  roleForbidden: () => new ApiError(HttpStatus.FORBIDDEN, 'ROLE_FORBIDDEN', '当前角色无权执行此操作'),
  agencyForbidden: () => new ApiError(HttpStatus.FORBIDDEN, 'AGENCY_FORBIDDEN', '无权访问其他执法主体的数据'),
  ambiguousCredentials: () =>
    new ApiError(
      HttpStatus.BAD_REQUEST,
      'AMBIGUOUS_CREDENTIALS',
      '请只提供一种身份凭证（Bearer 令牌或 API 密钥）',
    ),
  signingKeysUnavailable: () =>
    new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'AUTH_KEYS_UNAVAILABLE', '暂时无法验证身份凭证，请稍后再试'),
  apiKeysUnavailable: () =>
    new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'API_KEYS_UNAVAILABLE', '暂时无法验证 API 密钥，请稍后再试'),
};
