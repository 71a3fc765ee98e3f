import { HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { PERSONNEL_ID_MESSAGE, PERSONNEL_ID_RULE } from '@lep/contracts';
import { ApiError, FieldViolation } from './api-error';

/** Chinese wording for the class-validator rules our DTOs use; unknown rules fall back to a generic sentence. */
const RULE_MESSAGES: Record<string, string> = {
  isNotEmpty: '不能为空',
  isDefined: '必须提供',
  isString: '必须是字符串',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isDateString: '必须是 ISO 8601 日期',
  // class-validator's own constraint names (IS_ISO8601, IS_UUID): 'isIso8601', 'isUuid'.
  isIso8601: '必须是 ISO 8601 日期',
  isUuid: '必须是 UUID',
  isArray: '必须是数组',
  arrayNotEmpty: '不能为空数组',
  arrayMinSize: '元素过少',
  arrayMaxSize: '元素过多',
  maxLength: '长度超出上限',
  minLength: '长度不足',
  matches: '格式不正确',
  min: '数值过小',
  max: '数值过大',
  whitelistValidation: '是不允许的字段',
  isObject: '必须是对象',
  nestedValidation: '结构不正确',
  [PERSONNEL_ID_RULE]: PERSONNEL_ID_MESSAGE,
};

export function toViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((rule) => ({
      field,
      rule,
      message: `字段 ${field} ${RULE_MESSAGES[rule] ?? '不符合规则'}`,
    }));
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}

/** Global pipe: DTOs validated with class-validator; unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) =>
      new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', toViolations(errors)),
  });
}
