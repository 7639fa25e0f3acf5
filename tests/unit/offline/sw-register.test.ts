// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOffline } from '../../../src/features/offline/sw-register';

/** A stand-in for a ServiceWorker: its state and the messages posted to it. */
class FakeWorker extends EventTarget {
  readonly messages: unknown[] = [];
  constructor(public state: ServiceWorkerState = 'installing') {
    super();
  }
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  /** Moves to a new state and tells listeners, as the browser does. */
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
}

class FakeContainer extends EventTarget {
  readonly registration = new FakeRegistration();
  readonly registered: string[] = [];
  constructor(public controller: FakeWorker | null) {
    super();
  }
  register(url: string): Promise<FakeRegistration> {
    this.registered.push(url);
    return Promise.resolve(this.registration);
  }
  /** A new worker takes control of the page. */
  changeController(): void {
    this.controller = new FakeWorker('activated');
    this.dispatchEvent(new Event('controllerchange'));
  }
}

const start = (container: FakeContainer) => startOffline(container as unknown as ServiceWorkerContainer, '/sw.js');
const region = () => document.getElementById('update-notice')!;
const button = (name: 'reload' | 'dismiss') => region().querySelector<HTMLButtonElement>(`[data-${name}]`);

let reload: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  // The same markup as components/UpdateNotice.astro, in short.
  document.body.innerHTML = `
    <div id="update-notice" role="status"></div>
    <template id="update-notice-template"><p>A new version is ready.
      <button type="button" data-reload>Reload</button><button type="button" data-dismiss>Not now</button></p></template>`;
  reload = vi.fn<() => void>();
  vi.spyOn(window.location, 'reload').mockImplementation(reload);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the service worker registration and the "new version" notice', () => {
  it('registers /sw.js; a first install takes over silently, with no notice and no reload', async () => {
    const container = new FakeContainer(null);
    await start(container);
    expect(container.registered).toEqual(['/sw.js']);
    container.changeController();
    expect(region().childElementCount).toBe(0);
    expect(reload).not.toHaveBeenCalled();
  });

  it('offers a build that is already waiting when the page loads', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    container.registration.waiting = new FakeWorker('installed');
    await start(container);
    expect(region().textContent).toMatch(/new version/);
    expect(button('reload')).not.toBeNull();
  });

  it('offers a build once it has installed, and not before', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    await start(container);
    const worker = new FakeWorker('installing');
    container.registration.installing = worker;
    container.registration.dispatchEvent(new Event('updatefound'));
    expect(region().childElementCount).toBe(0);
    container.registration.waiting = worker;
    worker.become('installed');
    expect(button('reload')).not.toBeNull();
  });

  it('on Reload asks the waiting worker to take over, and reloads only once it has', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    const waiting = new FakeWorker('installed');
    container.registration.waiting = waiting;
    await start(container);
    button('reload')!.click();
    expect(waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    container.changeController();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads by itself when another tab accepts: it shows the notice instead', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    await start(container);
    container.changeController();
    expect(reload).not.toHaveBeenCalled();
    expect(button('reload')).not.toBeNull();
    // Nothing is waiting any more (the other tab's worker is active): Reload simply reloads.
    button('reload')!.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('"Not now" empties the notice and shows it only once', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    container.registration.waiting = new FakeWorker('installed');
    await start(container);
    const worker = new FakeWorker('installing');
    container.registration.installing = worker;
    container.registration.dispatchEvent(new Event('updatefound'));
    worker.become('installed');
    expect(region().querySelectorAll('[data-reload]')).toHaveLength(1);
    button('dismiss')!.click();
    expect(region().childElementCount).toBe(0);
    expect(reload).not.toHaveBeenCalled();
  });
});
