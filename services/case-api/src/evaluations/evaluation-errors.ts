import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';

export const evaluationErrors = {
  notJusticeBureau: () =>
    new ApiError(
      HttpStatus.FORBIDDEN,
      'EVALUATION_NOT_JUSTICE_BUREAU',
      '案卷评查由司法行政机关（司法局）组织，您所在单位不是司法局',
    ),
  notSupervised: (codes: string[]) =>
    new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'EVALUATION_AGENCY_NOT_SUPERVISED',
      `执法主体 ${codes.join('、')} 不在本司法局的监督范围内`,
      [{ field: 'agencyCodes', rule: 'supervised', message: `不在监督范围内：${codes.join('、')}` }],
    ),
  filedRange: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '立案日期范围不正确', [
      { field: 'filedTo', rule: 'notBeforeFrom', message: '立案日期止不能早于立案日期起' },
    ]),
  poolTooSmall: (available: number, wanted: number) =>
    new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'EVALUATION_POOL_TOO_SMALL',
      `符合条件且未经本司法局评查的已归档案卷仅 ${available} 件，少于计划抽取的 ${wanted} 件`,
      [{ field: 'sampleSize', rule: 'atMostPool', message: `最多可抽取 ${available} 件` }],
    ),
  requestReused: () =>
    new ApiError(
      HttpStatus.CONFLICT,
      'REQUEST_ID_REUSED',
      '该 requestId 已用于内容不同的另一次抽取，请使用新的 requestId',
    ),
  drawNotFound: (drawId: string) =>
    new ApiError(HttpStatus.NOT_FOUND, 'EVALUATION_DRAW_NOT_FOUND', `评查抽取记录 ${drawId} 不存在`),
  notFound: (evaluationId: string) =>
    new ApiError(HttpStatus.NOT_FOUND, 'EVALUATION_NOT_FOUND', `评查记录 ${evaluationId} 不存在`),
  notEvaluator: () =>
    new ApiError(
      HttpStatus.FORBIDDEN,
      'EVALUATION_FORBIDDEN',
      '只有组织本次评查的司法局可以评分并反馈评查结果',
    ),
  notEvaluatedAgency: () =>
    new ApiError(HttpStatus.FORBIDDEN, 'EVALUATION_FORBIDDEN', '只有被评查的执法主体可以反馈整改情况'),
  alreadyReturned: () =>
    new ApiError(HttpStatus.CONFLICT, 'EVALUATION_ALREADY_RETURNED', '评查结果已反馈执法主体，不能再修改'),
  notReturned: () =>
    new ApiError(HttpStatus.CONFLICT, 'EVALUATION_NOT_RETURNED', '该案卷尚未反馈评查结果，无需整改反馈'),
  alreadyAnswered: () =>
    new ApiError(HttpStatus.CONFLICT, 'EVALUATION_ALREADY_ANSWERED', '已就该评查结果反馈过整改情况'),
};
