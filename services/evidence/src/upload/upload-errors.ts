import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';

/** Refusals of an upload, each with a stable code and the Chinese sentence staff see. */
export const uploadErrors = {
  multipartRequired: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'MULTIPART_REQUIRED', '证据上传须使用 multipart/form-data 格式'),
  malformedMultipart: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'MULTIPART_MALFORMED', '上传内容不是完整有效的 multipart/form-data'),
  interrupted: () =>
    new ApiError(
      HttpStatus.BAD_REQUEST,
      'UPLOAD_INTERRUPTED',
      '上传中断（连接断开或长时间无数据），未保存任何内容',
    ),
  fieldTooLarge: (field: string) =>
    new ApiError(HttpStatus.BAD_REQUEST, 'METADATA_TOO_LARGE', `字段 ${field} 超出长度上限`, [
      { field, rule: 'maxLength', message: `字段 ${field} 超出长度上限` },
    ]),
  tooManyParts: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'TOO_MANY_PARTS', '上传内容的字段或文件过多：每次只能上传一个文件'),
  duplicateField: (field: string) =>
    new ApiError(HttpStatus.BAD_REQUEST, 'DUPLICATE_FIELD', `字段 ${field} 重复出现`, [
      { field, rule: 'unique', message: `字段 ${field} 只能出现一次` },
    ]),
  metadataAfterFile: (field: string) =>
    new ApiError(
      HttpStatus.BAD_REQUEST,
      'METADATA_AFTER_FILE',
      '证据元数据字段必须放在文件之前（先发送字段，最后发送 file）',
      [{ field, rule: 'beforeFile', message: `字段 ${field} 必须位于文件之前` }],
    ),
  fileRequired: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'FILE_REQUIRED', '未上传证据文件（字段名 file）', [
      { field: 'file', rule: 'isDefined', message: '必须上传一个证据文件，字段名为 file' },
    ]),
  fileTooLarge: (maxBytes: number) =>
    new ApiError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'FILE_TOO_LARGE',
      `证据文件超过允许的最大大小（${maxBytes} 字节），未保存`,
    ),
  sha256Mismatch: () =>
    new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'SHA256_MISMATCH',
      '文件的 SHA-256 摘要与提交的摘要不一致，文件可能在传输中损坏，未保存',
      [{ field: 'sha256', rule: 'matchesContent', message: '字段 sha256 与收到的文件内容不一致' }],
    ),
  requestIdReused: (requestId: string) =>
    new ApiError(
      HttpStatus.CONFLICT,
      'REQUEST_ID_REUSED',
      `请求标识 ${requestId} 已用于另一份证据（案件或文件内容不同），未保存`,
      [{ field: 'requestId', rule: 'sameUpload', message: '同一请求标识只能用于同一案件的同一文件' }],
    ),
  stateSecret: () =>
    new ApiError(
      HttpStatus.BAD_REQUEST,
      'STATE_SECRET_REFUSED',
      '涉及国家秘密的证据不得通过本平台上传或保存，须通过涉密渠道报送',
      [{ field: 'confidentiality', rule: 'notStateSecret', message: '国家秘密须通过涉密渠道处理' }],
    ),
};
