import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDateOrDateTime } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';
import { REPORT_FORMATS, ReportFormat } from '../reports/reports.dto';
import { AUDIT_KINDS, AuditKind } from './audit-trail';

/** `kind=login&kind=logout` and `kind=login,logout` alike; each name checked against the kinds. */
const toKinds = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person did.' })
  @IsOptional() @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({
    enum: AUDIT_KINDS,
    isArray: true,
    description: 'Only these kinds: repeat the parameter or separate them with commas.',
  })
  @IsOptional() @Transform(toKinds) @ArrayMaxSize(AUDIT_KINDS.length) @IsIn(AUDIT_KINDS, { each: true, message: `each kind must be one of ${AUDIT_KINDS.join(', ')}` })
  kind?: AuditKind[];

  @ApiPropertyOptional({ example: '2026-12-01', description: 'From the start of this day in Asia/Ho_Chi_Minh, or from this instant (ISO 8601 with an offset).' })
  @IsOptional() @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Up to the end of this day in Asia/Ho_Chi_Minh, or up to this instant (ISO 8601 with an offset).' })
  @IsOptional() @IsDateOrDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'json (a page), or every row the filters select as a file: csv (UTF-8 with BOM) or xlsx. A file ignores limit and cursor.',
  })
  @IsOptional() @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class AuditActorView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'admin' }) username!: string;
  @ApiProperty({ example: 'admin' }) role!: string;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind!: AuditKind;
  @ApiProperty({ type: AuditActorView, nullable: true, description: 'Who did it; null for a failed login (the username tried is in details).' })
  actor!: AuditActorView | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'What it was done to: a user, unit or inspection id, or a report’s subject.' })
  subject!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Facts of the kind (never a password, a token or a visit window).' })
  details!: Record<string, unknown>;
  @ApiProperty({ type: 'string', nullable: true }) requestId!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '127.0.0.1' }) clientAddress!: string | null;
}

export class AuditLogPage {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
