/**
 * A tiny observable state holder. Islands subscribe in componentDidMount and re-render on change; tests read
 * it directly. (Plain classes and this store instead of preact/hooks keep the quiz pages' JavaScript small.)
 */
export interface Store<S> {
  get(): S;
  /** Merges a partial state and notifies subscribers. */
  update(patch: Partial<S>): void;
  /** Calls `listener` after every update; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Creates a store holding `initial`. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
