import { ApiProperty } from '@nestjs/swagger';

/** An uploaded attachment's metadata: the answer of POST /attachments. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid', description: 'Cite it as evidence: { attachmentId }.' }) readonly id!: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the bytes, hex.' }) readonly sha256!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'In bytes.' }) readonly size!: number;
  @ApiProperty({ example: 'application/pdf', description: 'The type told from the content, which downloads are served with (text with `; charset=utf-8`).' }) readonly contentType!: string;
  @ApiProperty({ example: 'bien-ban.pdf', description: 'The uploaded file’s name, made safe (no path, control characters or quotes; at most 200 characters).' })
  readonly fileName!: string;
}
