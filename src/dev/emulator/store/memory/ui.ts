// The in-memory UiStore: menus per document and user, shown dialogs/toasts, scripted answers.
import type { MenuData, UiEvent, UiResponse, UiStore } from '../spreadsheetStore';

interface UiState {
  menus: Record<string, MenuData[]>;
  events: UiEvent[];
  responses: Record<string, UiResponse[]>;
}

const key = (documentId: string, user: string): string => `${documentId}\u0000${user}`;

/** Create an empty in-memory UiStore. */
export function createMemoryUiStore(): UiStore {
  let state: UiState = { menus: {}, events: [], responses: {} };
  return {
    setMenu(documentId, user, menu) {
      const k = key(documentId, user);
      state.menus[k] = (state.menus[k] ?? []).filter((m) => m.key !== menu.key).concat(structuredClone(menu));
    },
    getMenus: (documentId, user) => structuredClone(state.menus[key(documentId, user)] ?? []),
    record(event) {
      state.events.push(structuredClone(event));
    },
    listEvents: (documentId, user) =>
      structuredClone(
        state.events.filter(
          (e) => (documentId === undefined || e.documentId === documentId) && (user === undefined || e.user === user),
        ),
      ),
    queueResponse(documentId, user, response) {
      const queue = state.responses[key(documentId, user)] ?? [];
      queue.push(structuredClone(response));
      state.responses[key(documentId, user)] = queue;
    },
    takeResponse: (documentId, user) => state.responses[key(documentId, user)]?.shift() ?? null,
    snapshot: () => structuredClone(state),
    restore(data) {
      const d = data as UiState;
      if (!d || typeof d !== 'object' || !Array.isArray(d.events))
        throw new Error('UiStore.restore: unknown snapshot format');
      state = structuredClone({ menus: d.menus ?? {}, events: d.events, responses: d.responses ?? {} });
    },
  };
}
