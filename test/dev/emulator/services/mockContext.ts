// Shared test helper: an ExecutionContext over a fresh in-memory store, with host-realm Dates/Errors.
import path from 'node:path';
import { readManifest, type Manifest } from '../../../../src/dev/emulator/manifest';
import type {
  AuthModeName,
  DeploymentProfile,
  EmailHiding,
  ExecutionContext,
} from '../../../../src/dev/emulator/context';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import type { Store } from '../../../../src/dev/emulator/store/types';

/** The project's own appsscript.json: Moscow time, the five scopes it asks for. */
export const PROJECT_MANIFEST = readManifest(path.resolve(__dirname, '../../../..'));

export const T0 = Date.UTC(2024, 10, 15, 6, 0, 0); // 15.11.2024 09:00 Moscow

export interface MockContext extends ExecutionContext {
  calls: Record<string, number>;
  unlockedWrites: string[];
}

/** A context for unit-testing one service factory. */
export function mockContext(
  over: Partial<{
    store: Store;
    user: string;
    effectiveUser: string;
    documentId: string;
    authMode: AuthModeName;
    executionId: string;
    manifest: Manifest;
    profile: DeploymentProfile;
    trigger: boolean;
    emailHiding: EmailHiding;
  }> = {},
): MockContext {
  const store = over.store ?? createMemoryStore(T0);
  const calls: Record<string, number> = {};
  const unlockedWrites: string[] = [];
  const ctx: MockContext = {
    store,
    calls,
    unlockedWrites,
    executionId: over.executionId ?? 'exec-test',
    activeUserEmail: over.user ?? 'admin@example.org',
    effectiveUserEmail: over.effectiveUser ?? over.user ?? 'admin@example.org',
    authMode: over.authMode ?? 'FULL',
    documentId: over.documentId ?? 'doc-1',
    manifest: over.manifest ?? PROJECT_MANIFEST,
    profile: over.profile ?? 'bound',
    trigger: over.trigger ?? false,
    emailHiding: over.emailHiding ?? 'none',
    now: () => store.clock.now(),
    count: (s, m) => {
      calls[`${s}.${m}`] = (calls[`${s}.${m}`] ?? 0) + 1;
    },
    assertWrite: (what) => void unlockedWrites.push(what),
    createDate: (ms) => new Date(ms),
    createError: (message) => new Error(message),
    notEmulated(name) {
      throw new Error(`not emulated: ${name}`);
    },
  };
  return ctx;
}
