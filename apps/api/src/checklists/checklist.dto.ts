import { LIMITS, TEMPLATE_KEY_PATTERN } from '@inspectorate/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Trim } from '../common/dto-helpers';

export class CriterionDto {
  @ApiProperty({ example: 'KL-01', maxLength: LIMITS.checklist.code, description: 'Any code the authority uses (no format imposed), unique within the version.' })
  @Trim() @IsString() @Length(1, LIMITS.checklist.code)
  code!: string;

  @ApiProperty({ example: 'Chấp hành kỷ luật, kỷ cương giờ làm việc', maxLength: LIMITS.checklist.name })
  @Trim() @IsString() @Length(1, LIMITS.checklist.name)
  nameVi!: string;

  @ApiProperty({ example: 'Discipline in working hours', maxLength: LIMITS.checklist.name })
  @Trim() @IsString() @Length(1, LIMITS.checklist.name)
  name!: string;

  @ApiProperty({ example: 'Kỷ luật, kỷ cương hành chính', maxLength: LIMITS.checklist.group, description: 'The group the criterion is listed under.' })
  @Trim() @IsString() @Length(1, LIMITS.checklist.group)
  groupVi!: string;

  @ApiProperty({ example: 'Discipline', maxLength: LIMITS.checklist.group })
  @Trim() @IsString() @Length(1, LIMITS.checklist.group)
  group!: string;
}

/** A new version of an existing template: its whole content (a published version is never edited). */
export class PublishVersionDto {
  @ApiProperty({ example: 'Kiểm tra công vụ, quy tắc ứng xử', maxLength: LIMITS.checklist.title })
  @Trim() @IsString() @Length(1, LIMITS.checklist.title)
  title!: string;

  @ApiProperty({ type: [CriterionDto], minItems: 1, maxItems: LIMITS.checklist.criteria })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(LIMITS.checklist.criteria) @ValidateNested({ each: true }) @Type(() => CriterionDto)
  criteria!: CriterionDto[];
}

/** A new template with its first version. */
export class CreateTemplateDto extends PublishVersionDto {
  @ApiProperty({ example: 'cong-vu-2025', description: 'Names the template and its versions (`<key>.<number>`): 2–63 small letters, digits or dashes.' })
  @IsString() @Matches(TEMPLATE_KEY_PATTERN, { message: 'must be 2–63 small letters, digits or dashes' })
  key!: string;
}

export class CriterionView {
  @ApiProperty({ example: 'KL-01' }) code!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() name!: string;
  @ApiProperty() groupVi!: string;
  @ApiProperty() group!: string;
}

export class ChecklistVersionSummaryView {
  @ApiProperty({ example: 'demo-2023.1', description: 'What a campaign names (`checklistVersion`).' }) version!: string;
  @ApiProperty({ example: 'demo-2023' }) templateKey!: string;
  @ApiProperty({ type: 'integer', example: 1 }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: 'integer' }) criteriaCount!: number;
  @ApiProperty({ description: 'The version a campaign gets when it names none (the one published last).' }) newest!: boolean;
}

export class ChecklistVersionView extends ChecklistVersionSummaryView {
  @ApiProperty({ type: [CriterionView], description: 'In their order; group them by `group`/`groupVi`.' }) criteria!: CriterionView[];
}

export class ChecklistTemplateView {
  @ApiProperty({ example: 'demo-2023' }) key!: string;
  @ApiProperty({ description: 'The title of its newest version.' }) title!: string;
  @ApiProperty({ example: 'demo-2023.1' }) newestVersion!: string;
  @ApiProperty({ type: [ChecklistVersionSummaryView], description: 'Newest first.' }) versions!: ChecklistVersionSummaryView[];
}

export class ChecklistTemplateList {
  @ApiProperty({ type: [ChecklistTemplateView], description: 'By key. Templates are few; the list is not paginated (nextCursor is always null).' })
  items!: ChecklistTemplateView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: null;
}
