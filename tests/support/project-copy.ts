// Moved to tests/harness/project-copy.ts. Kept only for tests/content/malformed-content.test.ts, which is
// being rewritten separately: point its import at ../harness/project-copy.ts and delete this folder.
export * from '../harness/project-copy.ts';
