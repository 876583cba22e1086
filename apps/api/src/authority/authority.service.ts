import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@inspectorate/config';
import { AUTHORITY_ROW_ID, AuthorityEntity } from '@inspectorate/directory';
import { problems } from '../common/problem';
import { AuthorityView, UpdateAuthorityDto } from './authority.dto';

/** How documents name the authority: what the PDF and the report files print. */
export interface AuthorityHeading {
  readonly name: string;
  readonly inspectionBodyName: string;
  readonly place: string;
  readonly chairmanName: string;
  readonly chairmanTitle: string;
}

const EDITABLE = ['name', 'inspectionBodyName', 'place', 'chairmanName', 'chairmanTitle'] as const;

/** The authority's one row: read by every document, edited by the admin. */
@Injectable()
export class AuthorityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async get(): Promise<AuthorityView> {
    return toView(await this.row());
  }

  async heading(): Promise<AuthorityHeading> {
    const row = await this.row();
    return { name: row.name, inspectionBodyName: row.inspectionBodyName, place: row.place, chairmanName: row.chairmanName, chairmanTitle: row.chairmanTitle };
  }

  async update(dto: UpdateAuthorityDto, userId: string): Promise<AuthorityView> {
    const changes = Object.fromEntries(EDITABLE.filter((key) => dto[key] !== undefined).map((key) => [key, dto[key]]));
    if (Object.keys(changes).length === 0) {
      throw problems.badRequest('Name at least one field to change.', [{ field: 'body', message: `must have one of ${EDITABLE.join(', ')}` }]);
    }
    await this.row();
    await this.db.getRepository(AuthorityEntity).update({ id: AUTHORITY_ROW_ID }, { ...changes, updatedAt: new Date(), updatedBy: userId });
    return this.get();
  }

  /**
   * The row the migration seeded. Should it be missing (a database restored without it), the
   * configured name stands in and is stored, so documents never print nothing at their head.
   */
  private async row(): Promise<AuthorityEntity> {
    const repo = this.db.getRepository(AuthorityEntity);
    const existing = await repo.findOne({ where: { id: AUTHORITY_ROW_ID } });
    if (existing) return existing;
    await repo
      .createQueryBuilder()
      .insert()
      .values({ id: AUTHORITY_ROW_ID, name: this.config.AUTHORITY_NAME, inspectionBodyName: 'ĐOÀN KIỂM TRA CÔNG VỤ', place: '', chairmanName: '', chairmanTitle: 'CHỦ TỊCH', updatedAt: new Date(), updatedBy: null })
      .orIgnore()
      .execute();
    return repo.findOneOrFail({ where: { id: AUTHORITY_ROW_ID } });
  }
}

function toView(row: AuthorityEntity): AuthorityView {
  return {
    name: row.name,
    inspectionBodyName: row.inspectionBodyName,
    place: row.place,
    chairmanName: row.chairmanName,
    chairmanTitle: row.chairmanTitle,
    updatedAt: row.updatedAt.toISOString(),
  };
}
