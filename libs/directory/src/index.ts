export * from './unit.entity';
export * from './user.entity';
