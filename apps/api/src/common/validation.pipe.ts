import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, problems } from './problem';

/**
 * Validates and transforms every body, query and path parameter: unknown fields are rejected,
 * and each problem is reported with its field path (`targets.0.windowEnd`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      // A body of thousands of unknown keys must not earn an answer thousands of lines long.
      const fields = flatten(errors).slice(0, MAX_FIELD_PROBLEMS);
      return problems.badRequest(`The request is not valid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`.slice(0, 2000), fields);
    },
  });
}

/** At most this many field problems are reported; field names (which the caller chose) are cut short. */
const MAX_FIELD_PROBLEMS = 50;
const MAX_FIELD_NAME = 200;

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = (prefix ? `${prefix}.${error.property}` : error.property).slice(0, MAX_FIELD_NAME);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: stripProperty(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator messages start with the property name; the field already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message.replace(/^property \S+ /, '');
}
