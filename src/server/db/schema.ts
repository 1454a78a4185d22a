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
export * from '../recognition/schema.ts'; // issue 18
export * from '../pekppp/schema.ts'; // issue 10
export * from '../surveys/schema.ts'; // issue 11
export * from '../actions/schema.ts'; // issue 12
export * from '../findings/schema.ts'; // issue 12
// issue 13
export * from '../fieldwork/schema.ts';
export * from '../library-docs/schema.ts'; // issue 12 §3
export * from '../visits/schema.ts';
