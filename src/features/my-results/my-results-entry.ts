// The My results page's only module: hydrates its island (see hydrate.ts) and wires the lock's section, whose
// code (features/lock/lock-ui.tsx) is fetched only when a lock is set or the reader asks to set one.
import { hydrateIsland } from '../../kit/hydrate';
import { isLockSet, useStore } from '../../kit/storage';
import lockUrl from 'virtual:lock-url';
import MyResultsIslandRoot from './MyResultsIslandRoot';

hydrateIsland(MyResultsIslandRoot, 'my-results');

const section = document.getElementById('lock-section');
const settings = document.getElementById('lock-settings');
const loadLock = () =>
  (import(/* @vite-ignore */ lockUrl) as Promise<typeof import('../lock/lock-ui')>).then((lock) => {
    lock.connect(useStore);
    return lock;
  });
if (section && settings) {
  if (isLockSet()) {
    // Shown once the lock is open, with what can be done with it.
    section.hidden = true;
    void loadLock().then((lock) =>
      lock.whenOpen(() => {
        section.hidden = false;
        lock.mountSettings(settings);
      }),
    );
  } else {
    document.getElementById('lock-start')?.addEventListener('click', () => void loadLock().then((lock) => lock.mountSettings(settings)));
  }
}
