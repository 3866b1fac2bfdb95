// Shared test helper: an ExecutionContext over a fresh in-memory store, with host-realm Dates/Errors.
import type {
  AuthModeName,
  DeploymentProfile,
  EmailHiding,
  ExecutionContext,
} from '../../../../src/dev/emulator/context';
import { createMemoryStore } from '../../../../src/dev/emulator/store';
import type { Store } from '../../../../src/dev/emulator/store/types';

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
    profile: over.profile ?? 'bound',
    scopes: [],
    trigger: over.trigger ?? false,
    emailHiding: over.emailHiding ?? 'none',
    now: () => store.clock.now(),
    count: (s, m) => void (calls[`${s}.${m}`] = (calls[`${s}.${m}`] ?? 0) + 1),
    assertWrite: (what) => void unlockedWrites.push(what),
    createDate: (ms) => new Date(ms),
    createError: (message) => new Error(message),
    notEmulated(name) {
      throw new Error(`not emulated: ${name}`);
    },
  };
  return ctx;
}
