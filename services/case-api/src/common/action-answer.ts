import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpCode,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiProperty } from '@nestjs/swagger';
import { DynamicStatus } from '@lep/nest-kit';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/**
 * The answer to an action the case's workflow has not finished within CASE_ACTION_WAIT_SECONDS: accepted (it
 * runs on, and `requestId` keeps a retry from applying it twice), where to ask for its outcome, and what the
 * workflow is waiting on.
 */
export class ActionRunningView {
  @ApiProperty({ example: 202 }) statusCode!: 202;
  @ApiProperty({ example: 'ACTION_STILL_RUNNING' }) code!: 'ACTION_STILL_RUNNING';
  @ApiProperty() message!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ description: '查询办理结果的地址（亦见应答头 Location）' }) location!: string;
  @ApiProperty({ type: [String], description: '流程尚未答复的原因（正在执行或重试的环节）' })
  waitingOn!: string[];
}

export function actionRunning(requestId: string, location: string, waitingOn: string[]): ActionRunningView {
  return Object.assign(new ActionRunningView(), {
    statusCode: 202,
    code: 'ACTION_STILL_RUNNING',
    message: `已受理，仍在办理中${waitingOn.length > 0 ? `（${waitingOn.join('；')}）` : ''}；请按 Location 查询办理结果，或以相同 requestId 重试`,
    requestId,
    location,
    waitingOn,
  } as const);
}

/** Answers 202 with a Location header when the handler returned an action still running. */
@Injectable()
export class ActionAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (body instanceof ActionRunningView) {
          const response = context.switchToHttp().getResponse<Response>();
          response.status(202).setHeader('location', body.location);
        }
        return body;
      }),
    );
  }
}

/** A route that drives a workflow: 200 with the result when it finishes in time, else 202 (ActionRunningView). */
export function ActionRoute(): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    DynamicStatus(202),
    ApiAcceptedResponse({
      type: ActionRunningView,
      description: '已受理，流程仍在办理：按 Location 查询结果（ACTION_STILL_RUNNING）',
    }),
    UseInterceptors(ActionAnswerInterceptor),
  );
}

/** A route that reports an action's outcome: 200 finished, 202 still running (ActionRunningView). */
export function ActionOutcomeRoute(): MethodDecorator {
  return applyDecorators(
    DynamicStatus(202),
    ApiAcceptedResponse({ type: ActionRunningView, description: '仍在办理（ACTION_STILL_RUNNING）' }),
    UseInterceptors(ActionAnswerInterceptor),
  );
}
