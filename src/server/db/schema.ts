// Every table, for drizzle (queries and migration generation). Tables live beside their resource.
export * from '../registry/schema.ts';
export * from '../auth/schema.ts';
export * from '../audit/schema.ts';
export * from '../cycles/schema.ts';
export * from '../records/schema.ts';
export * from '../evidence/schema.ts';
export * from '../scores/schema.ts';
export * from '../publications/schema.ts';
export * from '../clarifications/schema.ts';
export * from '../jobs/schema.ts';
export * from '../surveys/schema.ts'; // issue 11
export * from '../actions/schema.ts'; // issue 12
