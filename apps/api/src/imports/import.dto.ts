import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class TemplateQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional() @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class ImportRowErrorView {
  @ApiProperty({ type: 'integer', example: 3, description: 'The row as the spreadsheet numbers it (the header is row 1).' }) row!: number;
  @ApiPropertyOptional({ example: 'Tên đăng nhập', description: 'The column’s header; absent when the whole row is at fault.' }) column?: string;
  @ApiProperty({ example: 'is required for a person' }) message!: string;
}

export class ImportCountsView {
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer', description: 'Existing ones whose name, kind (units) or display name, unit (accounts) the file changes.' }) changed!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
}

export class ImportRowView {
  @ApiProperty({ type: 'integer' }) row!: number;
  @ApiPropertyOptional({ example: 'XA-AN-BINH' }) unitCode?: string;
  @ApiPropertyOptional({ enum: ['create', 'update', 'unchanged'] }) unit?: string;
  @ApiPropertyOptional({ example: 'th.xa-an-binh' }) username?: string;
  @ApiPropertyOptional({ enum: ['create', 'update', 'unchanged'] }) user?: string;
}

export class ImportReportView {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty({ type: 'integer', description: 'Rows read (the header and empty rows not counted).' }) rows!: number;
  @ApiProperty({ description: 'True when no row has an error: the apply would take the file as it is.' }) valid!: boolean;
  @ApiProperty({ type: [ImportRowErrorView], description: 'Every problem of every row.' }) errors!: ImportRowErrorView[];
  @ApiProperty({ type: ImportCountsView }) units!: ImportCountsView;
  @ApiProperty({ type: ImportCountsView }) users!: ImportCountsView;
  @ApiProperty({ type: [ImportRowView], description: 'What happens to each row that has no error.' }) items!: ImportRowView[];
}

export class TemporaryPasswordView {
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'Shown once, in this answer only; hand it to the person, who should change it.' }) temporaryPassword!: string;
}

export class ImportAppliedView extends ImportReportView {
  @ApiProperty({ type: [TemporaryPasswordView], description: 'One per account created.' }) temporaryPasswords!: TemporaryPasswordView[];
}
