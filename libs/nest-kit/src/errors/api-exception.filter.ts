import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';

/** Framework-level HTTP errors translated to our stable codes and Chinese messages. */
const STATUS_DEFAULTS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  401: { code: 'UNAUTHENTICATED', message: '未提供有效的身份凭证' },
  403: { code: 'FORBIDDEN', message: '无权执行此操作' },
  404: { code: 'NOT_FOUND', message: '资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  409: { code: 'CONFLICT', message: '与当前状态冲突' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' },
};

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'statusCode' in value;
}

/**
 * Every error leaves as an ApiErrorBody. Unexpected errors become a 500 without internals in the body
 * (they are logged instead), so nothing leaks to callers.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      if (isApiErrorBody(payload)) return payload;
      const status = exception.getStatus();
      const fallback = STATUS_DEFAULTS[status] ?? { code: `HTTP_${status}`, message: '请求失败' };
      return { statusCode: status, ...fallback };
    }
    // Errors raised by Express middleware (e.g. body-parser on malformed JSON or an oversized body) carry
    // an http-errors status rather than being HttpExceptions.
    const middlewareStatus = (exception as { status?: unknown } | null)?.status;
    if (typeof middlewareStatus === 'number' && middlewareStatus >= 400 && middlewareStatus < 500) {
      const fallback = STATUS_DEFAULTS[middlewareStatus] ?? {
        code: `HTTP_${middlewareStatus}`,
        message: '请求失败',
      };
      return { statusCode: middlewareStatus, ...fallback };
    }
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { statusCode: status, code: 'INTERNAL_ERROR', message: '服务器内部错误' };
  }
}
