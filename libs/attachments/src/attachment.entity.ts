import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from '@inspectorate/read-model/entities/transformers';

/** An uploaded file's metadata; the bytes live on disk under their SHA-256, stored once however often uploaded. */
@Entity({ name: 'attachments' })
@Index('attachments_sha256_idx', ['sha256'])
export class AttachmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bigint', transformer: numeric }) size!: number;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
