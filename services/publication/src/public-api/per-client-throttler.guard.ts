import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * One allowance per client IP across every public route: the default guard counts each route separately, so a
 * scraper could multiply its allowance by walking the routes (list, detail, pre-disclosure).
 */
@Injectable()
export class PerClientThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}
