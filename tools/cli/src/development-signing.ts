import { signStaffToken, type Role } from '@lep/auth';
import { runningDevStack } from './dev-stack';

export interface DevelopmentSigning {
  secret: string;
  issuer: string;
  audience: string;
  /** Where the secret came from, for messages. */
  source: string;
}

/**
 * How a development staff token is signed: with AUTH_JWT_SECRET (and AUTH_ISSUER, AUTH_AUDIENCE) when set, else
 * with the secret of the stack `npm start` runs here. Production tokens come from the identity provider only.
 */
export function developmentSigning(env: NodeJS.ProcessEnv): DevelopmentSigning | undefined {
  if (env.AUTH_JWT_SECRET)
    return {
      secret: env.AUTH_JWT_SECRET,
      issuer: env.AUTH_ISSUER ?? 'lep',
      audience: env.AUTH_AUDIENCE ?? 'lep-api',
      source: 'AUTH_JWT_SECRET',
    };
  const stack = runningDevStack(env);
  return stack ? { ...stack.auth, secret: stack.auth.jwtSecret, source: '本机 npm start' } : undefined;
}

export const NO_SIGNING_SECRET =
  '没有可用的开发签名密钥：请先 npm start（本机运行的系统会被自动发现），或设置 AUTH_JWT_SECRET；生产环境的令牌由身份认证系统签发';

export function signDevelopmentToken(
  signing: DevelopmentSigning,
  claims: { sub: string; agency: string; roles: Role[] },
  hours: number,
): string {
  return signStaffToken(claims, {
    secret: signing.secret,
    issuer: signing.issuer,
    audience: signing.audience,
    expiresInSeconds: Math.round(hours * 3600),
  });
}
