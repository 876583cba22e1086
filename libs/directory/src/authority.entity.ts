import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The authority that runs the inspections, as its documents name it: one row, edited by the
 * admin. The conclusion PDF prints it at its head and in its signature block, report files in
 * their heading.
 */
@Entity({ name: 'authority' })
export class AuthorityEntity {
  @PrimaryColumn({ type: 'smallint' }) id!: number;
  /** "ỦY BAN NHÂN DÂN …", at the head of documents and after "TM." in the signature block. */
  @Column({ type: 'text' }) name!: string;
  /** The inspecting body under it, e.g. "ĐOÀN KIỂM TRA CÔNG VỤ". */
  @Column({ name: 'inspection_body_name', type: 'text' }) inspectionBodyName!: string;
  /** The place of the date line ("<place>, ngày … tháng … năm …"); empty: the date alone. */
  @Column({ type: 'text' }) place!: string;
  /** Printed under the signature; empty: no name. */
  @Column({ name: 'chairman_name', type: 'text' }) chairmanName!: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH" …: the signer's title. */
  @Column({ name: 'chairman_title', type: 'text' }) chairmanTitle!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}

/** The one row's key. */
export const AUTHORITY_ROW_ID = 1;
