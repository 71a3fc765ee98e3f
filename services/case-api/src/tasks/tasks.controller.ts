import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { CASE_READERS, TASK_WORKERS } from '../common/case-roles';
import { ActionOutcomeRoute, ActionRoute, ActionRunningView } from '../common/action-answer';
import { TaskActionParam, TaskIdParam } from '../common/params';
import {
  CompleteTaskDto,
  TaskConflictDeclarationDto,
  TaskExtensionDto,
  TaskListQuery,
  TaskPageView,
  TaskView,
} from './task.dto';
import { TasksService } from './tasks.service';

/** The task inbox: legal-review tasks for review bodies, coordination tasks for agency heads. */
@ApiTags('tasks')
@Controller('api/v1/tasks')
@Roles(...TASK_WORKERS)
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: '任务列表（本单位审核机构的任务及本单位案件的任务）' })
  @ApiOkResponse({ type: TaskPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: TaskListQuery): Promise<TaskPageView> {
    return this.tasks.list(principal, query);
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: '领取任务' })
  @ApiOkResponse({ type: TaskView })
  claim(@CurrentPrincipal() principal: Principal, @Param() params: TaskIdParam): Promise<TaskView> {
    return this.tasks.claim(principal, params.taskId);
  }

  @Post(':taskId/release')
  @HttpCode(200)
  @ApiOperation({ summary: '退回任务（放回待领取；平台管理员可退回任何领取）' })
  @ApiOkResponse({ type: TaskView })
  release(@CurrentPrincipal() principal: Principal, @Param() params: TaskIdParam): Promise<TaskView> {
    return this.tasks.release(principal, params.taskId);
  }

  @Get(':taskId/actions/:requestId')
  @ActionOutcomeRoute()
  @ApiOperation({ summary: '任务办理结果（按 requestId；流程仍在办理时 202）' })
  @ApiOkResponse({ type: TaskView, description: '已办结：任务的当前状态' })
  actionOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TaskActionParam,
  ): Promise<TaskView | ActionRunningView> {
    return this.tasks.actionOutcome(principal, params.taskId, params.requestId);
  }

  @Post(':taskId/complete')
  @ActionRoute()
  @ApiOperation({ summary: '完成任务：法制审核（清单、意见、结论）或协调裁决（裁决、理由）' })
  @ApiOkResponse({ type: TaskView })
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TaskIdParam,
    @Body() dto: CompleteTaskDto,
  ): Promise<TaskView | ActionRunningView> {
    return this.tasks.complete(principal, params.taskId, dto);
  }

  @Post(':taskId/extension')
  @ActionRoute()
  @Roles('leader')
  @ApiOperation({ summary: '延长法制审核期限（审核机构负责人批准，3 个工作日，仅一次）' })
  @ApiOkResponse({ type: TaskView })
  extend(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TaskIdParam,
    @Body() dto: TaskExtensionDto,
  ): Promise<TaskView | ActionRunningView> {
    return this.tasks.extend(principal, params.taskId, dto);
  }

  @Post(':taskId/conflict-declaration')
  @ActionRoute()
  @Roles('legal-reviewer')
  @ApiOperation({
    summary: '声明回避：审核人员与本案存在利害关系，记入全过程记录，此后不得领取或办理本轮审核',
  })
  @ApiOkResponse({ type: TaskView })
  declareConflict(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TaskIdParam,
    @Body() dto: TaskConflictDeclarationDto,
  ): Promise<TaskView | ActionRunningView> {
    return this.tasks.declareConflict(principal, params.taskId, dto);
  }
}
