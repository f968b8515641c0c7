import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Institution } from './institution.entity';

/**
 * One link between two institutions, stored once: `parent` means `relatedId` is the parent of
 * `institutionId` (the child view is the same row read from the other side); `successor` means
 * `relatedId` replaced `institutionId`; `related` is symmetric and stored with the smaller id first.
 */
@Entity('institution_relationships')
export class InstitutionRelationship {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_institution_relationships' })
  institutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'institution_relationships_institution_id_fkey' })
  institution?: Relation<Institution>;

  @Index('institution_relationships_related_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_institution_relationships' })
  relatedId: string;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_id', foreignKeyConstraintName: 'institution_relationships_related_id_fkey' })
  related?: Relation<Institution>;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_institution_relationships' })
  type: 'parent' | 'related' | 'successor';
}
