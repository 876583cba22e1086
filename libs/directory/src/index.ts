export * from './unit.entity';
export * from './user.entity';
export * from './session.entity';
export * from './authority.entity';
export * from './checklist-store';
